import { ItemParcel, trackingDecision } from './tracking-decision';

const parcel = { courier: 'CJ대한통운', trackingNo: '601234567890' };
const item = (over: Partial<ItemParcel>): ItemParcel => ({
  status: 'PREPARING',
  deliveryMethod: 'COURIER',
  courier: null,
  trackingNo: null,
  ...over,
});

describe('trackingDecision', () => {
  it('dispatches a courier item being prepared', () => {
    expect(trackingDecision(item({}), parcel)).toEqual({ action: 'SHIP' });
  });

  it('does nothing when the item already carries this parcel', () => {
    expect(trackingDecision(item({ status: 'SHIPPED', ...parcel }), parcel)).toEqual({
      action: 'UNCHANGED',
    });
    expect(trackingDecision(item({ status: 'DELIVERED', ...parcel }), parcel)).toEqual({
      action: 'UNCHANGED',
    });
  });

  it('corrects the parcel of an item already on its way', () => {
    const shipped = item({ status: 'SHIPPED', courier: '한진택배', trackingNo: '111111111' });
    expect(trackingDecision(shipped, parcel)).toEqual({ action: 'RETRACK' });
  });

  it('refuses an item our own team delivers', () => {
    expect(trackingDecision(item({ deliveryMethod: 'OWN_TEAM' }), parcel)).toEqual({
      refusal: '자체 배송팀이 배송하는 상품이라 택배 송장을 등록하지 않습니다.',
    });
  });

  it('refuses cancelled items, even with the same parcel', () => {
    expect(trackingDecision(item({ status: 'CANCELLED', ...parcel }), parcel)).toEqual({
      refusal: '취소된 상품주문입니다.',
    });
    expect(trackingDecision(item({ status: 'CANCEL_REQUESTED' }), parcel)).toMatchObject({
      refusal: expect.stringContaining('취소 요청된'),
    });
  });

  it('lets the status machine refuse what cannot be dispatched', () => {
    expect(trackingDecision(item({ status: 'NEW' }), parcel)).toEqual({
      refusal:
        "'신규'에서 '발송(택배)'(으)로 바꿀 수 없습니다. 출고준비 상태에서만 발송 처리할 수 있습니다.",
    });
    expect(trackingDecision(item({ status: 'DELIVERED' }), parcel)).toEqual({
      refusal: "'배송완료'에서 '발송(택배)'(으)로 바꿀 수 없습니다.",
    });
  });

  it('explains a corrected number for an item already past 발송 as a correction it cannot take', () => {
    const delivered = item({ status: 'DELIVERED', courier: 'CJ대한통운', trackingNo: '111' });
    expect(trackingDecision(delivered, parcel)).toEqual({
      refusal:
        "이미 '배송완료' 상태라 송장을 바꿀 수 없습니다. 발송 상태에서만 송장을 고칠 수 있습니다.",
    });
  });
});
