import {
  ItemBeforeChange,
  claimKindsFrom,
  statusColumnsAfter,
  transitionRefusal,
} from './order-transition';

const orderedAt = new Date('2026-11-01T01:00:00Z');
const now = new Date('2026-11-06T08:00:00Z');
const item: ItemBeforeChange = {
  status: 'NEW',
  claimType: null,
  claimReason: null,
  amendsItemId: null,
  orderedAt,
  scheduledDate: null,
  completedAt: null,
};

describe('checking a status change', () => {
  it('allows what the status machine allows', () => {
    expect(transitionRefusal('NEW', 'CONFIRMED')).toBeNull();
  });

  it('explains a refused change in Korean, naming both statuses', () => {
    expect(transitionRefusal('DELIVERED', 'NEW')).toBe(
      "'배송완료'에서 '신규'(으)로 바꿀 수 없습니다.",
    );
  });

  it('says so when the item is already in the asked status', () => {
    expect(transitionRefusal('CONFIRMED', 'CONFIRMED')).toBe("이미 '발주확인' 상태입니다.");
  });
});

describe('the columns a status change writes', () => {
  it('opens a claim with its type and reason', () => {
    expect(statusColumnsAfter({ item, to: 'CANCEL_REQUESTED', reason: '고객 변심', now })).toEqual({
      status: 'CANCEL_REQUESTED',
      claimType: 'CANCEL',
      claimReason: '고객 변심',
      completedAt: null,
      lifeDate: orderedAt,
    });
  });

  it('keeps the reason while the claim moves on to done', () => {
    const requested = {
      ...item,
      status: 'RETURN_REQUESTED' as const,
      claimType: 'RETURN' as const,
    };
    const columns = statusColumnsAfter({
      item: { ...requested, claimReason: '파손' },
      to: 'RETURNED',
      now,
    });
    expect(columns).toMatchObject({ claimType: 'RETURN', claimReason: '파손' });
  });

  it('clears a withdrawn claim, but an add-on stays an add-on', () => {
    const cancelling = {
      ...item,
      status: 'CANCEL_REQUESTED' as const,
      claimType: 'CANCEL' as const,
      claimReason: '변심',
    };
    expect(statusColumnsAfter({ item: cancelling, to: 'CONFIRMED', now })).toMatchObject({
      claimType: null,
      claimReason: null,
    });
    expect(
      statusColumnsAfter({ item: { ...cancelling, amendsItemId: 7 }, to: 'CONFIRMED', now }),
    ).toMatchObject({ claimType: 'ADD_ON' });
  });

  it('stamps the completion time on delivery and files the item under it', () => {
    const columns = statusColumnsAfter({
      item: { ...item, status: 'OUT_FOR_DELIVERY' },
      to: 'DELIVERED',
      now,
    });
    expect(columns).toMatchObject({ completedAt: now, lifeDate: now });
  });

  it('keeps the first delivery time when the item is later completed', () => {
    const deliveredAt = new Date('2026-11-05T03:00:00Z');
    const columns = statusColumnsAfter({
      item: { ...item, status: 'DELIVERED', completedAt: deliveredAt },
      to: 'COMPLETED',
      now,
    });
    expect(columns).toMatchObject({ completedAt: deliveredAt, lifeDate: deliveredAt });
  });
});

describe('the claims a clerk can open by hand', () => {
  it('offers only a cancel before dispatch', () => {
    expect(claimKindsFrom('PREPARING')).toEqual(['CANCEL']);
  });

  it('offers a return or an exchange once delivered', () => {
    expect(claimKindsFrom('DELIVERED')).toEqual(['RETURN', 'EXCHANGE']);
  });

  it('offers nothing once a claim is done', () => {
    expect(claimKindsFrom('CANCELLED')).toEqual([]);
  });
});
