import {
  allowedTransitions,
  canTransition,
  claimOf,
  deliveryRefusal,
  lifeDateOf,
} from './order-status';

describe('the item status machine', () => {
  it('moves forward one step at a time', () => {
    expect(canTransition('NEW', 'CONFIRMED')).toBe(true);
    expect(canTransition('CONFIRMED', 'PREPARING')).toBe(true);
    expect(canTransition('PREPARING', 'OUT_FOR_DELIVERY')).toBe(true);
    expect(canTransition('OUT_FOR_DELIVERY', 'DELIVERED')).toBe(true);
    expect(canTransition('DELIVERED', 'COMPLETED')).toBe(true);
  });

  it('refuses skipping ahead or going back to the start', () => {
    expect(canTransition('NEW', 'DELIVERED')).toBe(false);
    expect(canTransition('DELIVERED', 'NEW')).toBe(false);
  });

  it('never revives a cancelled, returned or exchanged item', () => {
    for (const end of ['CANCELLED', 'RETURNED', 'EXCHANGED'] as const)
      expect(allowedTransitions(end)).toEqual([]);
  });

  it('allows a cancel only before dispatch and a return only after it', () => {
    expect(canTransition('PREPARING', 'CANCEL_REQUESTED')).toBe(true);
    expect(canTransition('SHIPPED', 'CANCEL_REQUESTED')).toBe(false);
    expect(canTransition('NEW', 'RETURN_REQUESTED')).toBe(false);
    expect(canTransition('DELIVERED', 'RETURN_REQUESTED')).toBe(true);
  });

  it('names the claim a status belongs to', () => {
    expect(claimOf('CANCEL_REQUESTED')).toBe('CANCEL');
    expect(claimOf('RETURNED')).toBe('RETURN');
    expect(claimOf('EXCHANGE_REQUESTED')).toBe('EXCHANGE');
    expect(claimOf('SHIPPED')).toBeNull();
  });
});

describe('the date an item is filed under', () => {
  const orderedAt = new Date('2026-11-01T01:00:00Z');
  const scheduledDate = new Date('2026-11-05T00:00:00Z');
  const completedAt = new Date('2026-11-06T08:00:00Z');

  it('is the completion date once delivered', () => {
    expect(lifeDateOf({ status: 'DELIVERED', orderedAt, scheduledDate, completedAt })).toBe(
      completedAt,
    );
  });

  it('is the scheduled date before that, else the order date', () => {
    expect(lifeDateOf({ status: 'PREPARING', orderedAt, scheduledDate, completedAt: null })).toBe(
      scheduledDate,
    );
    expect(lifeDateOf({ status: 'NEW', orderedAt })).toBe(orderedAt);
  });
});

describe('how an item may leave', () => {
  const ownTeam = { deliveryMethod: 'OWN_TEAM' as const, trackingNo: null };
  const parcel = { deliveryMethod: 'COURIER' as const, trackingNo: '601234567890' };

  it('sends a courier item out as 발송 only with its tracking number', () => {
    expect(deliveryRefusal(parcel, 'SHIPPED')).toBeNull();
    expect(deliveryRefusal({ ...parcel, trackingNo: null }, 'SHIPPED')).toBe(
      '송장번호가 없어 발송 처리할 수 없습니다. 출고 처리 › 송장 업로드로 송장을 등록하세요.',
    );
    expect(deliveryRefusal(parcel, 'OUT_FOR_DELIVERY')).toMatch(/^택배 상품은/);
  });

  it('sends an own-team item out with its run, never as a courier parcel', () => {
    expect(deliveryRefusal(ownTeam, 'OUT_FOR_DELIVERY')).toBeNull();
    expect(deliveryRefusal(ownTeam, 'SHIPPED')).toMatch(/^자체 배송 상품은/);
    expect(deliveryRefusal(ownTeam, 'DELIVERED')).toBeNull();
  });
});
