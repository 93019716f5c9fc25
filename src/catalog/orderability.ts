import type { CatalogSnapshot } from './catalog-snapshot';

export interface OrderLine {
  productId: number;
  optionId?: number | null;
}

export type OrderProblemCode =
  'CATALOG_ITEM_UNKNOWN' | 'CATALOG_OPTION_MISMATCH' | 'CATALOG_ITEM_DELETED';

export interface OrderProblem {
  code: OrderProblemCode;
  message: string;
}

const MESSAGES: Record<OrderProblemCode, string> = {
  CATALOG_ITEM_UNKNOWN: '등록되지 않은 상품은 주문할 수 없습니다',
  CATALOG_OPTION_MISMATCH: '상품에 속하지 않은 옵션은 주문할 수 없습니다',
  CATALOG_ITEM_DELETED: '삭제된 상품은 주문할 수 없습니다',
};

// The first kind of problem found, naming every line that has it, so a clerk fixes a
// many-line order in one pass.
export function findOrderProblem(
  snapshot: CatalogSnapshot,
  lines: readonly OrderLine[],
): OrderProblem | null {
  const names = new Map<OrderProblemCode, Set<string>>();
  for (const line of lines) {
    const problem = lineProblem(snapshot, line);
    if (!problem) continue;
    const [code, name] = problem;
    names.set(code, (names.get(code) ?? new Set()).add(name));
  }
  const [first] = names;
  if (!first) return null;
  const [code, found] = first;
  return { code, message: `${MESSAGES[code]}: ${[...found].join(', ')}` };
}

function lineProblem(
  snapshot: CatalogSnapshot,
  { productId, optionId }: OrderLine,
): [OrderProblemCode, string] | null {
  const product = snapshot.products.get(productId);
  if (!product) return ['CATALOG_ITEM_UNKNOWN', `상품 #${productId}`];
  const option = optionId == null ? null : snapshot.options.get(optionId);
  if (option === undefined) return ['CATALOG_ITEM_UNKNOWN', `${product.name} / 옵션 #${optionId}`];
  if (option && option.productId !== product.id) {
    return ['CATALOG_OPTION_MISMATCH', `${product.name} / ${option.name}`];
  }
  const category = snapshot.categories.get(product.categoryId);
  if (!category || category.deleted) {
    return ['CATALOG_ITEM_DELETED', `${product.name} (분류: ${category?.name ?? '없음'})`];
  }
  if (product.deleted) return ['CATALOG_ITEM_DELETED', product.name];
  if (option?.deleted) return ['CATALOG_ITEM_DELETED', `${product.name} / ${option.name}`];
  return null;
}
