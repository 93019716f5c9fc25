import type { NotificationEvent } from './notification-events';

export interface MessageItem {
  itemId: number;
  productName: string;
  optionName: string | null;
  courier: string | null;
  trackingNo: string | null;
}

export interface MessageRecipient {
  orderNo: string;
  name: string;
  phone: string;
}

const HEADLINES: Record<NotificationEvent, string> = {
  SHIPPED: '주문하신 상품이 택배로 발송되었습니다.',
  OUT_FOR_DELIVERY: '주문하신 상품의 배송이 출발했습니다.',
  DELIVERED: '주문하신 상품의 배송이 완료되었습니다. 이용해 주셔서 감사합니다.',
};

// The text the customer reads: who sends it, what happened, which order and products, and for
// a parcel the courier and tracking number to follow it with.
export function messageBody(params: {
  sender: string;
  event: NotificationEvent;
  recipient: MessageRecipient;
  items: readonly MessageItem[];
}): string {
  const { sender, event, recipient, items } = params;
  const lines = [
    `[${sender}] ${recipient.name}님, ${HEADLINES[event]}`,
    `주문번호: ${recipient.orderNo}`,
    `상품: ${productsLine(items)}`,
  ];
  const parcels = event === 'SHIPPED' ? parcelsLine(items) : '';
  if (parcels) lines.push(`운송장: ${parcels}`);
  return lines.join('\n');
}

function productsLine(items: readonly MessageItem[]): string {
  const [first, ...rest] = items;
  const name = first.optionName ? `${first.productName} (${first.optionName})` : first.productName;
  return rest.length ? `${name} 외 ${rest.length}건` : name;
}

// Items packed in one box share a tracking number: each parcel is listed once.
function parcelsLine(items: readonly MessageItem[]): string {
  const parcels = items
    .filter((item) => item.trackingNo)
    .map((item) => `${item.courier ?? '택배'} ${item.trackingNo}`);
  return [...new Set(parcels)].join(', ');
}
