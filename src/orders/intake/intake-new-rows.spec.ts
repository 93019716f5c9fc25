import type { RawOrderRow } from '../../channels/import-fields';
import { newItemOf, newOrderOf } from './intake-new-rows';
import { IntakeRow, readIntakeRow } from './intake-row';

const raw: RawOrderRow = {
  externalItemNo: '2026112400000001',
  externalOrderNo: '2026112410000001',
  orderedAt: '2026-11-24 10:15:00',
  status: '배송완료',
  recipientName: '김민준',
  recipientPhone: '01012345678',
  postalCode: '06236',
  address: '서울특별시 강남구 테헤란로 152',
  addressDetail: '12층',
  productName: '슬립웨이브 7존 하이브리드 매트리스',
  quantity: '1',
  amount: '1,040,000',
  bundleNo: '1400000007',
};
const row = readIntakeRow({ raw, rowNumber: 3, headerOf: (f) => f }).row as IntakeRow;
const now = new Date('2026-11-24T05:00:00Z');
const region = { sido: '서울특별시', sigungu: '강남구' } as Parameters<
  typeof newItemOf
>[0]['region'];
const listing = { id: 7, productId: 3, optionId: null, needsReview: false };

describe('the records a file row creates', () => {
  it('files a delivered item under the moment it was imported, in its region and bundle', () => {
    const item = newItemOf({
      channelId: 1,
      orderId: 0,
      row,
      listing,
      product: undefined,
      region,
      now,
    });
    expect(item).toMatchObject({
      status: 'DELIVERED',
      completedAt: now,
      lifeDate: now,
      listingId: 7,
      productId: 3,
      deliveryMethod: 'OWN_TEAM',
      bundleKey: '1:no:1400000007',
      regionSido: '서울특별시',
      regionSigungu: '강남구',
    });
  });

  it('leaves the region blank when the postal code and address disagree', () => {
    const item = newItemOf({
      channelId: 1,
      orderId: 5,
      row,
      listing: { id: -1, productId: null, optionId: null, needsReview: true },
      product: undefined,
      region: { ...region, ambiguous: true },
      now,
    });
    expect(item).toMatchObject({
      orderId: 5,
      listingId: null,
      needsReview: true,
      regionSido: null,
      regionSigungu: null,
    });
  });

  it('cuts text to what the order columns hold, starting the total at the first item', () => {
    const long = { ...row, memo: '부'.repeat(600), address: '주'.repeat(400) };
    const order = newOrderOf(1, long);
    expect(order.memo).toHaveLength(500);
    expect(order.address).toHaveLength(300);
    expect(order.totalAmount).toBe(1_040_000);
  });
});
