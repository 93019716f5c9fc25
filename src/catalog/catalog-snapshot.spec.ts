import { DeliveryMethod } from '../generated/prisma/enums';
import { pickerTree } from './catalog-picker';
import { CatalogRows, CatalogSnapshot } from './catalog-snapshot';
import { findOrderProblem } from './orderability';

const GONE = new Date('2026-01-01T00:00:00Z');

// 매트리스 (active): 하이브리드 with Q, K (K deleted); 단종 매트리스 (deleted) with SS.
// 토퍼 (deleted category): 라텍스 토퍼 with SS.
function rows(): CatalogRows {
  const product = { price: 100_000, deliveryMethod: DeliveryMethod.OWN_TEAM, deletedAt: null };
  return {
    categories: [
      { id: 2, name: '토퍼', sortOrder: 1, deletedAt: GONE },
      { id: 1, name: '매트리스', sortOrder: 0, deletedAt: null },
    ],
    products: [
      { ...product, id: 10, code: 'MT-1', name: '하이브리드 매트리스', categoryId: 1 },
      { ...product, id: 11, code: 'MT-2', name: '단종 매트리스', categoryId: 1, deletedAt: GONE },
      { ...product, id: 20, code: 'TP-1', name: '라텍스 토퍼', categoryId: 2 },
    ],
    options: [
      {
        id: 102,
        productId: 10,
        name: '사이즈: K',
        extraPrice: 350_000,
        sortOrder: 1,
        deletedAt: GONE,
      },
      {
        id: 101,
        productId: 10,
        name: '사이즈: Q',
        extraPrice: 200_000,
        sortOrder: 0,
        deletedAt: null,
      },
      { id: 111, productId: 11, name: '사이즈: SS', extraPrice: 0, sortOrder: 0, deletedAt: null },
      { id: 201, productId: 20, name: '사이즈: SS', extraPrice: 0, sortOrder: 0, deletedAt: null },
    ],
  };
}

const snapshot = new CatalogSnapshot('7', rows(), new Date());

describe('the catalog snapshot', () => {
  it('keeps deleted items, flagged, so past orders still resolve them', () => {
    expect(snapshot.products.get(11)).toMatchObject({ name: '단종 매트리스', deleted: true });
    expect(snapshot.options.get(102)).toMatchObject({ name: '사이즈: K', deleted: true });
    expect(snapshot.categories.get(2)).toMatchObject({ name: '토퍼', deleted: true });
  });

  it("lists a product's options in their admin order", () => {
    expect(snapshot.products.get(10)!.options.map((o) => o.id)).toEqual([101, 102]);
  });

  it('finds an option however the channel spaces or cases its text', () => {
    const [match] = snapshot.findOptions(' 하이브리드  매트리스', '사이즈:q');
    expect(match).toMatchObject({ option: { id: 101 }, orderable: true });
  });

  it('finds a deleted option too, marked as not orderable', () => {
    expect(snapshot.findOptions('하이브리드 매트리스', '사이즈: K')).toEqual([
      expect.objectContaining({ option: expect.objectContaining({ id: 102 }), orderable: false }),
    ]);
    expect(snapshot.findOptions('라텍스 토퍼', '사이즈: SS')[0].orderable).toBe(false);
  });

  it('finds nothing for a text it does not know', () => {
    expect(snapshot.findOptions('하이브리드 매트리스', '사이즈: XL')).toEqual([]);
  });
});

describe('the order-form picker', () => {
  it('offers only orderable categories, products and options', () => {
    expect(pickerTree(snapshot)).toEqual([
      {
        id: 1,
        name: '매트리스',
        products: [
          expect.objectContaining({
            id: 10,
            options: [{ id: 101, name: '사이즈: Q', extraPrice: 200_000 }],
          }),
        ],
      },
    ]);
  });
});

describe('whether order lines may be ordered', () => {
  it('accepts active products, with or without an option', () => {
    expect(findOrderProblem(snapshot, [{ productId: 10, optionId: 101 }, { productId: 10 }])).toBe(
      null,
    );
  });

  it('refuses a deleted product, option or category, naming each', () => {
    expect(findOrderProblem(snapshot, [{ productId: 11 }])).toEqual({
      code: 'CATALOG_ITEM_DELETED',
      message: '삭제된 상품은 주문할 수 없습니다: 단종 매트리스',
    });
    expect(findOrderProblem(snapshot, [{ productId: 10, optionId: 102 }])?.message).toBe(
      '삭제된 상품은 주문할 수 없습니다: 하이브리드 매트리스 / 사이즈: K',
    );
    expect(findOrderProblem(snapshot, [{ productId: 20, optionId: 201 }])?.message).toBe(
      '삭제된 상품은 주문할 수 없습니다: 라텍스 토퍼 (분류: 토퍼)',
    );
  });

  it('names every deleted line of a many-line order at once', () => {
    const problem = findOrderProblem(snapshot, [
      { productId: 11 },
      { productId: 10, optionId: 101 },
      { productId: 10, optionId: 102 },
    ]);
    expect(problem?.message).toBe(
      '삭제된 상품은 주문할 수 없습니다: 단종 매트리스, 하이브리드 매트리스 / 사이즈: K',
    );
  });

  it('refuses an option of another product and unknown ids', () => {
    expect(findOrderProblem(snapshot, [{ productId: 10, optionId: 111 }])).toEqual({
      code: 'CATALOG_OPTION_MISMATCH',
      message: '상품에 속하지 않은 옵션은 주문할 수 없습니다: 하이브리드 매트리스 / 사이즈: SS',
    });
    expect(findOrderProblem(snapshot, [{ productId: 99 }])?.code).toBe('CATALOG_ITEM_UNKNOWN');
    expect(findOrderProblem(snapshot, [{ productId: 10, optionId: 999 }])?.code).toBe(
      'CATALOG_ITEM_UNKNOWN',
    );
  });
});
