import type { DeliveryMethod, ItemStatus } from '../generated/prisma/enums';
import { STATUS_LABELS } from '../orders/order-status';
import { transitionRefusal } from '../orders/order-transition';

export interface ItemParcel {
  status: ItemStatus;
  deliveryMethod: DeliveryMethod;
  courier: string | null;
  trackingNo: string | null;
}

export type TrackingAction = 'SHIP' | 'RETRACK' | 'UNCHANGED';

export type TrackingDecision = { action: TrackingAction } | { refusal: string };

const CANCELLED: readonly ItemStatus[] = ['CANCEL_REQUESTED', 'CANCELLED'];
const BEFORE_PREPARING: readonly ItemStatus[] = ['NEW', 'CONFIRMED'];

// What a tracking-file row does to one item. Only an item being prepared is dispatched; one
// already on its way may get a corrected parcel; the same parcel again is nothing to do, so a
// file uploaded twice changes nothing the second time.
export function trackingDecision(
  item: ItemParcel,
  parcel: { courier: string; trackingNo: string },
): TrackingDecision {
  if (item.deliveryMethod !== 'COURIER') {
    return { refusal: '자체 배송팀이 배송하는 상품이라 택배 송장을 등록하지 않습니다.' };
  }
  if (CANCELLED.includes(item.status)) {
    return {
      refusal:
        item.status === 'CANCELLED'
          ? '취소된 상품주문입니다.'
          : '취소 요청된 상품주문입니다. 취소를 먼저 처리하세요.',
    };
  }
  if (item.status === 'PREPARING') return { action: 'SHIP' };
  if (item.courier === parcel.courier && item.trackingNo === parcel.trackingNo) {
    return { action: 'UNCHANGED' };
  }
  if (item.status === 'SHIPPED') return { action: 'RETRACK' };
  // A different number for an item past 발송 is a correction the clerk meant, not a step
  // back: say why it cannot be taken rather than naming a status change nobody asked for.
  if (item.trackingNo) {
    return {
      refusal: `이미 '${STATUS_LABELS[item.status]}' 상태라 송장을 바꿀 수 없습니다. 발송 상태에서만 송장을 고칠 수 있습니다.`,
    };
  }
  const refusal = transitionRefusal(item.status, 'SHIPPED')!;
  return {
    refusal: BEFORE_PREPARING.includes(item.status)
      ? `${refusal} 출고준비 상태에서만 발송 처리할 수 있습니다.`
      : refusal,
  };
}
