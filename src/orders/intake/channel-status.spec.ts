import { channelStatusOf, mergeChannelStatus } from './channel-status';

describe('SmartStore statuses', () => {
  it('maps the everyday statuses', () => {
    expect(channelStatusOf('결제완료')).toEqual({ status: 'NEW', claimType: null });
    expect(channelStatusOf('배송중')).toEqual({ status: 'SHIPPED', claimType: null });
    expect(channelStatusOf('구매확정')).toEqual({ status: 'COMPLETED', claimType: null });
  });

  it('lets the detail status name the claim', () => {
    expect(channelStatusOf('배송중', '반품요청')).toEqual({
      status: 'RETURN_REQUESTED',
      claimType: 'RETURN',
    });
    expect(channelStatusOf('결제완료', '취소 요청')).toEqual({
      status: 'CANCEL_REQUESTED',
      claimType: 'CANCEL',
    });
  });

  it('tells an unknown word (null) from no status at all (undefined)', () => {
    expect(channelStatusOf('배달중')).toBeNull();
    expect(channelStatusOf('', '')).toBeUndefined();
  });

  it('never moves an item backwards on a re-import, but always lands a claim', () => {
    expect(mergeChannelStatus('DELIVERED', 'NEW')).toBe('DELIVERED');
    expect(mergeChannelStatus('CONFIRMED', 'SHIPPED')).toBe('SHIPPED');
    expect(mergeChannelStatus('DELIVERED', 'RETURN_REQUESTED')).toBe('RETURN_REQUESTED');
  });
});
