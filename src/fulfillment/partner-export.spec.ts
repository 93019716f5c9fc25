import { PartnerItem, partnerColumns, partnerRecord } from './partner-export';

const item: PartnerItem = {
  externalItemNo: '2',
  productName: '원목 침대 프레임',
  optionName: '퀸',
  quantity: 2,
  finalQuantity: null,
  unitPrice: 450_000,
  amount: 900_000,
  finalAmount: null,
  status: 'SHIPPED',
  claimType: null,
  bundleNo: null,
  courier: 'CJ대한통운',
  trackingNo: '601234567890',
  channelProductId: null,
  order: {
    externalOrderNo: 'HB-20261120-0001',
    orderedAt: new Date('2026-11-20T01:00:00Z'),
    buyerName: '김민준',
    buyerPhone: null,
    recipientName: '김민준',
    recipientPhone: '010-1234-5678',
    postalCode: '06236',
    address: '서울특별시 강남구 테헤란로 152',
    addressDetail: '101동',
    memo: null,
    requestedDate: new Date('2026-11-28T00:00:00Z'),
  },
};

describe('partnerColumns', () => {
  it('names each mapped field by its first header, in the layout’s order', () => {
    const columns = partnerColumns({
      externalOrderNo: ['주문번호'],
      externalItemNo: ['품목번호', '상품주문번호'],
      quantity: ['수량'],
      memo: [],
      trackingNo: ['운송장', '송장번호'],
    });
    expect(columns.map((c) => [c.header, c.key])).toEqual([
      ['주문번호', 'externalOrderNo'],
      ['품목번호', 'externalItemNo'],
      ['수량', 'quantity'],
      ['운송장', 'trackingNo'],
    ]);
  });
});

describe('partnerRecord', () => {
  it('fills our status, courier and tracking number for the fields the partner maps', () => {
    expect(partnerRecord(item)).toMatchObject({
      externalOrderNo: 'HB-20261120-0001',
      externalItemNo: '2',
      status: '발송(택배)',
      courier: 'CJ대한통운',
      trackingNo: '601234567890',
      requestedDate: '2026-11-28',
      optionText: '퀸',
    });
  });

  it('reports the final quantity and amount once the item was finalised', () => {
    const record = partnerRecord({ ...item, finalQuantity: 1, finalAmount: 430_000 });
    expect(record).toMatchObject({ quantity: 1, amount: 430_000, unitPrice: 450_000 });
  });
});
