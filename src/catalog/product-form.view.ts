import { withDeletedMark } from './catalog-names';
import type { CategoryChoice } from './category-choices';
import { DELIVERY_METHOD_OPTIONS } from './delivery-methods';
import type { ExistingOption } from './option-changes';
import type { ProductForEdit } from './product-queries.service';

// Empty rows under the options, for adding new ones without script.
const BLANK_OPTION_ROWS = 3;

type RawRow = Record<string, unknown>;

interface OptionRowView {
  index: number;
  id?: unknown;
  name: unknown;
  extraPrice: unknown;
  wasDeleted: boolean;
  deleteChecked: boolean;
  restoreChecked: boolean;
  // Keys into the page's `errors`, which the validation pipe names options.<row>.<field>.
  nameKey: string;
  priceKey: string;
}

function optionRow(index: number, row: Omit<OptionRowView, 'index' | 'nameKey' | 'priceKey'>) {
  return {
    ...row,
    index,
    nameKey: `options.${index}.name`,
    priceKey: `options.${index}.extraPrice`,
  };
}

function blankRows(from: number) {
  return Array.from({ length: BLANK_OPTION_ROWS }, (_, i) =>
    optionRow(from + i, {
      name: '',
      extraPrice: '',
      wasDeleted: false,
      deleteChecked: false,
      restoreChecked: false,
    }),
  );
}

function rowsFromRecord(options: readonly ExistingOption[]): OptionRowView[] {
  const rows = options.map((o, index) =>
    optionRow(index, {
      id: o.id,
      name: o.name,
      extraPrice: o.extraPrice,
      wasDeleted: o.deletedAt !== null,
      deleteChecked: false,
      restoreChecked: false,
    }),
  );
  return [...rows, ...blankRows(rows.length)];
}

// After a failed save the table shows exactly what was submitted, row for row, so the errors
// (keyed by row number) land beside the right inputs.
function rowsFromInput(input: unknown, options: readonly ExistingOption[]): OptionRowView[] {
  const submitted: RawRow[] = Array.isArray(input)
    ? input.filter((r) => r && typeof r === 'object')
    : [];
  const deletedIds = new Set(options.filter((o) => o.deletedAt).map((o) => String(o.id)));
  return submitted.map((row, index) =>
    optionRow(index, {
      id: row.id,
      name: row.name,
      extraPrice: row.extraPrice,
      wasDeleted: deletedIds.has(String(row.id)),
      deleteChecked: row.deleted === 'true',
      restoreChecked: row.restore === 'true',
    }),
  );
}

// `input` is the submitted body when the page is shown again after a refused save.
export function newProductPage(params: { categories: CategoryChoice[]; input?: RawRow }) {
  const { categories, input } = params;
  return {
    title: '상품 추가',
    action: '/admin/catalog/products',
    categories,
    deliveryMethods: DELIVERY_METHOD_OPTIONS,
    optionRows: input ? rowsFromInput(input.options, []) : blankRows(0),
    form: { deliveryMethod: 'OWN_TEAM' },
    errors: {},
  };
}

export function editProductPage(params: {
  product: ProductForEdit;
  categories: CategoryChoice[];
  input?: RawRow;
}) {
  const { product, categories, input } = params;
  return {
    title: '상품 수정',
    action: `/admin/catalog/products/${product.id}`,
    product: {
      id: product.id,
      code: product.code,
      label: withDeletedMark(product.name, product.deletedAt),
      deleted: product.deletedAt !== null,
    },
    categories,
    deliveryMethods: DELIVERY_METHOD_OPTIONS,
    optionRows: input
      ? rowsFromInput(input.options, product.options)
      : rowsFromRecord(product.options),
    form: {
      code: product.code,
      name: product.name,
      categoryId: product.categoryId,
      price: product.price,
      deliveryMethod: product.deliveryMethod,
      updatedAt: product.updatedAt.toISOString(),
    },
    errors: {},
  };
}
