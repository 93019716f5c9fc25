import { CatalogSnapshot } from '../catalog/catalog-snapshot';
import { DeliveryMethod } from '../generated/prisma/enums';
import type { ShowroomOrderForm } from './dto/showroom-order.form';
import { readIntakeRow } from './intake/intake-row';
import {
  itemRowsOf,
  nextShowroomOrderNo,
  registeredMessage,
  showroomFormErrors,
  showroomHeaderOf,
  showroomRows,
} from './showroom-order';

// 2026-03-31 23:30 UTC is already 2026-04-01 08:30 in Seoul.
const NOW = new Date('2026-03-31T23:30:00Z');

// 하이브리드 매트리스 with Q (active) and K (deleted); 베개 without options.
const snapshot = new CatalogSnapshot(
  'v1',
  {
    categories: [{ id: 1, name: '매트리스', sortOrder: 0, deletedAt: null }],
    products: [
      { id: 10, code: 'MT-1', name: '하이브리드 매트리스', categoryId: 1, price: 890_000 },
      { id: 30, code: 'PW-1', name: '베개', categoryId: 1, price: 45_000 },
    ].map((p) => ({ ...p, deliveryMethod: DeliveryMethod.OWN_TEAM, deletedAt: null })),
    options: [
      { id: 101, productId: 10, name: '사이즈: Q', extraPrice: 200_000, sortOrder: 0 },
      { id: 102, productId: 10, name: '사이즈: K', extraPrice: 350_000, sortOrder: 1 },
    ].map((o) => ({ ...o, deletedAt: o.id === 102 ? NOW : null })),
  },
  NOW,
);

const form = (overrides: Partial<ShowroomOrderForm> = {}): ShowroomOrderForm => ({
  formId: '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f',
  recipientName: '김민준',
  recipientPhone: '010-1234-5678',
  postalCode: '43100',
  address: '대구광역시 군위군 군위읍 중앙길 1',
  items: [
    { productId: 10, optionId: 101, quantity: 2 },
    { productId: 30, quantity: 1, unitPrice: 40_000 },
  ],
  ...overrides,
});

describe('showroom order numbers', () => {
  it('starts each Seoul day at 0001', () => {
    expect(nextShowroomOrderNo({ last: null, now: NOW })).toBe('S-20260401-0001');
  });

  it('follows the day’s highest number', () => {
    expect(nextShowroomOrderNo({ last: 'S-20260401-0041', now: NOW })).toBe('S-20260401-0042');
  });

  it('refuses a 10,000th order in one day instead of breaking the number’s order', () => {
    expect(() => nextShowroomOrderNo({ last: 'S-20260401-9999', now: NOW })).toThrow(
      '오늘 매장 주문번호를 모두 썼습니다',
    );
  });

  it('reads the number aloud to choose 을 or 를', () => {
    expect(registeredMessage('S-20260401-0001')).toBe('매장 주문 S-20260401-0001을 등록했습니다.');
    expect(registeredMessage('S-20260401-0002')).toBe('매장 주문 S-20260401-0002를 등록했습니다.');
  });
});

describe('showroomFormErrors', () => {
  it('accepts a complete form', () => {
    expect(showroomFormErrors({ form: form(), snapshot, now: NOW })).toEqual({});
  });

  it('asks for an option beside the row whose product has options', () => {
    const items = [
      { productId: 30, quantity: 1 },
      { productId: 10, quantity: 1 },
    ];
    expect(showroomFormErrors({ form: form({ items }), snapshot, now: NOW })).toEqual({
      'items.1.optionId': '옵션을 선택하세요.',
    });
  });

  it('refuses a delivery date before today in Seoul, and accepts today', () => {
    const past = form({ requestedDate: '2026-03-31' });
    expect(showroomFormErrors({ form: past, snapshot, now: NOW })).toEqual({
      requestedDate: '배송희망일은 오늘 이후 날짜로 입력하세요.',
    });
    const today = form({ requestedDate: '2026-04-01' });
    expect(showroomFormErrors({ form: today, snapshot, now: NOW })).toEqual({});
  });
});

describe('showroomRows', () => {
  const rows = showroomRows({
    form: form({ memo: '오후 배송', requestedDate: '2026-04-03' }),
    snapshot,
    orderNo: 'S-20260401-0007',
    now: NOW,
  });
  const read = (index: number) =>
    readIntakeRow({ raw: rows[index].raw, rowNumber: index + 1, headerOf: showroomHeaderOf });

  it('names the picked product and option, so nothing is matched by text', () => {
    expect(rows.map((r) => r.chosen)).toEqual([
      { productId: 10, optionId: 101 },
      { productId: 30, optionId: null },
    ]);
  });

  it('reads back through the intake rules as the order the clerk typed', () => {
    const first = read(0);
    expect(first.errors).toEqual([]);
    expect(first.row).toMatchObject({
      externalOrderNo: 'S-20260401-0007',
      externalItemNo: 'S-20260401-0007-1',
      orderedAt: NOW,
      buyerName: '김민준',
      buyerPhone: '010-1234-5678',
      postalCode: '43100',
      productName: '하이브리드 매트리스',
      optionText: '사이즈: Q',
      quantity: 2,
      unitPrice: 1_090_000,
      amount: 2_180_000,
      memo: '오후 배송',
      requestedDate: new Date('2026-04-03T00:00:00Z'),
    });
  });

  it('keeps a discounted price typed in the showroom', () => {
    expect(read(1).row).toMatchObject({
      externalItemNo: 'S-20260401-0007-2',
      optionText: null,
      unitPrice: 40_000,
      amount: 40_000,
    });
  });

  it('keeps a buyer other than the recipient without borrowing the recipient’s phone', () => {
    const other = showroomRows({
      form: form({ buyerName: '이서연' }),
      snapshot,
      orderNo: 'S-20260401-0008',
      now: NOW,
    });
    expect(other[0].raw).toMatchObject({ buyerName: '이서연', buyerPhone: undefined });
  });
});

describe('itemRowsOf', () => {
  it('offers one empty row on a new form', () => {
    expect(itemRowsOf(undefined)).toEqual([
      expect.objectContaining({ index: 0, quantity: '1', productId: undefined }),
    ]);
  });

  it('keeps submitted rows as typed, with the keys of their messages', () => {
    const [row] = itemRowsOf([{ productId: '10', quantity: 'x' }]);
    expect(row).toMatchObject({ index: 0, productId: '10', quantity: 'x' });
    expect(row.keys.quantity).toBe('items.0.quantity');
  });
});
