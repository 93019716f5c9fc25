import type { ItemStatus } from '../generated/prisma/enums';

// The moments a customer hears about: the parcel left, the delivery team set off, it arrived.
export const NOTIFICATION_EVENTS = ['SHIPPED', 'OUT_FOR_DELIVERY', 'DELIVERED'] as const;

export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const EVENT_LABELS: Record<NotificationEvent, string> = {
  SHIPPED: '발송',
  OUT_FOR_DELIVERY: '배송 출발',
  DELIVERED: '배송 완료',
};

// Only the forward path is news to the customer: an item back at DELIVERED because a return or
// exchange was withdrawn was already delivered, and the customer was told then.
export function notificationEventFor(from: ItemStatus, to: ItemStatus): NotificationEvent | null {
  if (to === 'SHIPPED' || to === 'OUT_FOR_DELIVERY') return to;
  if (to === 'DELIVERED' && (from === 'SHIPPED' || from === 'OUT_FOR_DELIVERY')) return to;
  return null;
}

export function eventLabel(event: string): string {
  return (EVENT_LABELS as Record<string, string>)[event] ?? event;
}
