import { ClaimType, DeliveryMethod, ItemStatus } from '../generated/prisma/enums';

export const STATUS_LABELS: Record<ItemStatus, string> = {
  NEW: '신규',
  CONFIRMED: '발주확인',
  PREPARING: '출고준비',
  SHIPPED: '발송(택배)',
  OUT_FOR_DELIVERY: '배송출발(직배송)',
  DELIVERED: '배송완료',
  COMPLETED: '완료',
  CANCEL_REQUESTED: '취소요청',
  CANCELLED: '취소완료',
  RETURN_REQUESTED: '반품요청',
  RETURNED: '반품완료',
  EXCHANGE_REQUESTED: '교환요청',
  EXCHANGED: '교환완료',
};

// One badge colour per status on every page: waiting work blue, on its way light blue,
// done green, a claim to handle red, closed grey.
export const STATUS_TONES: Record<ItemStatus, string> = {
  NEW: 'primary',
  CONFIRMED: 'primary',
  PREPARING: 'primary',
  SHIPPED: 'info',
  OUT_FOR_DELIVERY: 'info',
  DELIVERED: 'success',
  COMPLETED: 'success',
  CANCEL_REQUESTED: 'danger',
  CANCELLED: 'secondary',
  RETURN_REQUESTED: 'danger',
  RETURNED: 'secondary',
  EXCHANGE_REQUESTED: 'danger',
  EXCHANGED: 'secondary',
};

export const CLAIM_LABELS: Record<ClaimType, string> = {
  CANCEL: '취소',
  RETURN: '반품',
  EXCHANGE: '교환',
  ADD_ON: '추가주문',
};

// The forward path, then the claim paths. Anything not listed here is refused, so a clerk
// cannot, say, deliver an item that was never dispatched or revive a cancelled one.
const TRANSITIONS: Record<ItemStatus, readonly ItemStatus[]> = {
  NEW: ['CONFIRMED', 'CANCEL_REQUESTED', 'CANCELLED'],
  CONFIRMED: ['PREPARING', 'CANCEL_REQUESTED', 'CANCELLED'],
  PREPARING: ['SHIPPED', 'OUT_FOR_DELIVERY', 'CANCEL_REQUESTED', 'CANCELLED'],
  SHIPPED: ['DELIVERED', 'RETURN_REQUESTED'],
  OUT_FOR_DELIVERY: ['DELIVERED', 'PREPARING', 'RETURN_REQUESTED'],
  DELIVERED: ['COMPLETED', 'RETURN_REQUESTED', 'EXCHANGE_REQUESTED'],
  COMPLETED: ['RETURN_REQUESTED', 'EXCHANGE_REQUESTED'],
  CANCEL_REQUESTED: ['CANCELLED', 'CONFIRMED'],
  CANCELLED: [],
  RETURN_REQUESTED: ['RETURNED', 'DELIVERED'],
  RETURNED: [],
  EXCHANGE_REQUESTED: ['EXCHANGED', 'DELIVERED'],
  EXCHANGED: [],
};

export function allowedTransitions(from: ItemStatus): readonly ItemStatus[] {
  return TRANSITIONS[from];
}

// How an item travels decides how it leaves: a courier parcel becomes 발송 with its tracking
// number (the tracking upload writes both), an own-team item goes out with its run.
export function deliveryRefusal(
  item: { deliveryMethod: DeliveryMethod; trackingNo: string | null },
  to: ItemStatus,
): string | null {
  if (to === 'SHIPPED' && item.deliveryMethod !== 'COURIER') {
    return "자체 배송 상품은 '발송(택배)'로 바꿀 수 없습니다. 배송 계획에서 출발하면 '배송출발(직배송)'이 됩니다.";
  }
  if (to === 'SHIPPED' && !item.trackingNo) {
    return '송장번호가 없어 발송 처리할 수 없습니다. 출고 처리 › 송장 업로드로 송장을 등록하세요.';
  }
  if (to === 'OUT_FOR_DELIVERY' && item.deliveryMethod !== 'OWN_TEAM') {
    return "택배 상품은 '배송출발(직배송)'로 바꿀 수 없습니다. 송장을 등록하면 '발송(택배)'이 됩니다.";
  }
  return null;
}

export function canTransition(from: ItemStatus, to: ItemStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

// The claim an item carries once it enters a claim path.
export function claimOf(status: ItemStatus): ClaimType | null {
  if (status === 'CANCEL_REQUESTED' || status === 'CANCELLED') return 'CANCEL';
  if (status === 'RETURN_REQUESTED' || status === 'RETURNED') return 'RETURN';
  if (status === 'EXCHANGE_REQUESTED' || status === 'EXCHANGED') return 'EXCHANGE';
  return null;
}

export const COMPLETED_STATUSES: readonly ItemStatus[] = ['DELIVERED', 'COMPLETED'];

// Seed 000: a date filter follows the order's life, so each item carries the date it is
// filed under: completion once completed, else the scheduled date, else the order date.
export function lifeDateOf(item: {
  status: ItemStatus;
  completedAt?: Date | null;
  scheduledDate?: Date | null;
  orderedAt: Date;
}): Date {
  if (COMPLETED_STATUSES.includes(item.status) && item.completedAt) return item.completedAt;
  return item.scheduledDate ?? item.orderedAt;
}
