import { MessageItem, messageBody } from './notification-message';

const recipient = { orderNo: '2026112412345', name: '김민준', phone: '010-1234-5678' };
const mattress: MessageItem = {
  itemId: 1,
  productName: '슬립웨이브 매트리스',
  optionName: '퀸',
  courier: 'CJ대한통운',
  trackingNo: '612345678901',
};
const pillow: MessageItem = {
  itemId: 2,
  productName: '메모리폼 베개',
  optionName: null,
  courier: 'CJ대한통운',
  trackingNo: '612345678901',
};

describe('messageBody', () => {
  it('names the sender, the recipient, the order, the product and the parcel for a dispatch', () => {
    expect(
      messageBody({ sender: '(주)슬립웨이브', event: 'SHIPPED', recipient, items: [mattress] }),
    ).toBe(
      [
        '[(주)슬립웨이브] 김민준님, 주문하신 상품이 택배로 발송되었습니다.',
        '주문번호: 2026112412345',
        '상품: 슬립웨이브 매트리스 (퀸)',
        '운송장: CJ대한통운 612345678901',
      ].join('\n'),
    );
  });

  it('counts the other products of the order and lists each parcel once', () => {
    const other = { ...pillow, itemId: 3, courier: '한진택배', trackingNo: '4201' };
    const body = messageBody({
      sender: 'S',
      event: 'SHIPPED',
      recipient,
      items: [mattress, pillow, other],
    });
    expect(body).toContain('상품: 슬립웨이브 매트리스 (퀸) 외 2건');
    expect(body).toContain('운송장: CJ대한통운 612345678901, 한진택배 4201');
  });

  it('leaves the parcel line out when no tracking number is known yet', () => {
    const body = messageBody({
      sender: 'S',
      event: 'SHIPPED',
      recipient,
      items: [{ ...mattress, courier: null, trackingNo: null }],
    });
    expect(body).not.toContain('운송장');
  });

  it('tells of the delivery team setting off and of the delivery, without parcels', () => {
    const leaving = messageBody({
      sender: 'S',
      event: 'OUT_FOR_DELIVERY',
      recipient,
      items: [pillow],
    });
    expect(leaving).toContain('김민준님, 주문하신 상품의 배송이 출발했습니다.');
    expect(leaving).toContain('상품: 메모리폼 베개');
    expect(leaving).not.toContain('운송장');
    const done = messageBody({ sender: 'S', event: 'DELIVERED', recipient, items: [mattress] });
    expect(done).toContain('배송이 완료되었습니다');
    expect(done).not.toContain('운송장');
  });
});
