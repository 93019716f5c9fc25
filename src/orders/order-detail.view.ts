import { withDeletedMark } from '../catalog/catalog-names';
import type { OrderDetail } from './order-detail.service';
import { TIMELINE_LIMIT } from './order-detail.service';
import { EVENT_SOURCE_LABELS, ORDER_EVENT_LABELS } from './order-event-types';
import {
  CLAIM_LABELS,
  STATUS_LABELS,
  STATUS_TONES,
  allowedTransitions,
  deliveryRefusal,
} from './order-status';
import { claimKindsFrom } from './order-transition';

type Item = OrderDetail['items'][number];
type Event = OrderDetail['events'][number];
type FormInput = Record<string, unknown>;

// What a failed POST puts back on the page: the values of the one form that was submitted.
export interface DetailPageInput {
  recipientForm?: FormInput;
  addOnForm?: FormInput;
  itemForm?: { itemId: number; kind: 'status' | 'claim'; values: FormInput };
}

// Bootstrap badge colours: claims stand out, finished items fade.
export function toOrderDetailPage(order: OrderDetail, input: DetailPageInput = {}) {
  return {
    title: `주문 ${order.externalOrderNo}`,
    order: orderHeader(order),
    items: order.items.map((item) => itemRow(item, order.items, input.itemForm)),
    timeline: order.events.slice(0, TIMELINE_LIMIT).map(timelineRow),
    timelineTruncated: order.events.length > TIMELINE_LIMIT,
    timelineLimit: TIMELINE_LIMIT,
    recipientForm: input.recipientForm ?? recipientFormOf(order),
    recipientOpen: Boolean(input.recipientForm),
    addOnForm: input.addOnForm ?? { quantity: '1' },
    addOnOpen: Boolean(input.addOnForm),
    addOnTargets: order.items
      .filter((item) => item.claimType !== 'CANCEL')
      .map((item) => ({ id: item.id, label: `${item.externalItemNo} ${item.productName}` })),
    errors: {},
  };
}

function orderHeader(order: OrderDetail) {
  return {
    id: order.id,
    version: order.version,
    channelName: order.channel.name,
    externalOrderNo: order.externalOrderNo,
    orderedAt: order.orderedAt,
    buyerName: order.buyerName,
    buyerPhone: order.buyerPhone,
    recipientName: order.recipientName,
    recipientPhone: order.recipientPhone,
    postalCode: order.postalCode,
    address: order.address,
    addressDetail: order.addressDetail,
    requestedDate: order.requestedDate,
    memo: order.memo,
    doNotCombine: order.doNotCombine,
    totalAmount: order.totalAmount,
  };
}

function recipientFormOf(order: OrderDetail): FormInput {
  return {
    recipientName: order.recipientName,
    recipientPhone: order.recipientPhone,
    postalCode: order.postalCode ?? '',
    address: order.address,
    addressDetail: order.addressDetail ?? '',
    requestedDate: order.requestedDate?.toISOString().slice(0, 10) ?? '',
    memo: order.memo ?? '',
    version: order.version,
  };
}

function itemRow(item: Item, all: readonly Item[], itemForm: DetailPageInput['itemForm']) {
  const submitted = itemForm?.itemId === item.id ? itemForm : undefined;
  return {
    id: item.id,
    version: item.version,
    externalItemNo: item.externalItemNo,
    // Names come from the order's snapshot; the mark tells that the catalog row was deleted.
    productName: withDeletedMark(item.productName, item.product?.deletedAt ?? null),
    optionName: item.optionName
      ? withDeletedMark(item.optionName, item.option?.deletedAt ?? null)
      : null,
    quantity: item.quantity,
    unitPrice: item.unitPrice,
    amount: item.amount,
    finalQuantity: item.finalQuantity,
    finalAmount: item.finalAmount,
    hasFinal: item.finalQuantity !== null || item.finalAmount !== null,
    status: item.status,
    statusLabel: STATUS_LABELS[item.status],
    statusTone: STATUS_TONES[item.status],
    claimLabel: item.claimType ? CLAIM_LABELS[item.claimType] : null,
    claimReason: item.claimReason,
    amends: item.amends,
    amendments: all
      .filter((other) => other.amendsItemId === item.id)
      .map((other) => ({ id: other.id, externalItemNo: other.externalItemNo })),
    bundleNo: item.bundleNo,
    bundleId: item.bundleId,
    bundleKey: item.bundleKey,
    region: [item.regionSido, item.regionSigungu].filter(Boolean).join(' '),
    courier: item.courier,
    trackingNo: item.trackingNo,
    needsReview: item.needsReview,
    transitions: allowedTransitions(item.status)
      .filter((to) => !deliveryRefusal(item, to))
      .map((to) => ({ value: to, label: STATUS_LABELS[to] })),
    claimKinds: claimKindsFrom(item.status).map((kind) => ({
      value: kind,
      label: CLAIM_LABELS[kind],
    })),
    statusInput: submitted?.kind === 'status' ? submitted.values : null,
    claimInput: submitted?.kind === 'claim' ? submitted.values : null,
  };
}

function timelineRow(event: Event) {
  const detail = detailOf(event.detail);
  return {
    at: event.at,
    actor: event.actor?.username ?? '시스템',
    typeLabel:
      event.type in ORDER_EVENT_LABELS
        ? ORDER_EVENT_LABELS[event.type as keyof typeof ORDER_EVENT_LABELS]
        : event.type,
    fieldLabel: typeof detail.label === 'string' ? detail.label : null,
    itemNo: event.item?.externalItemNo ?? null,
    from: eventValue(event.type, event.fromValue),
    to: eventValue(event.type, event.toValue),
    sourceLabel: EVENT_SOURCE_LABELS[event.source],
    note: eventNote(detail),
  };
}

function detailOf(detail: unknown): Record<string, unknown> {
  return detail && typeof detail === 'object' && !Array.isArray(detail)
    ? (detail as Record<string, unknown>)
    : {};
}

// Status and claim rows hold codes (as intake writes them too); people read the labels.
function eventValue(type: string, value: string | null): string | null {
  if (value === null) return null;
  if (type !== 'STATUS' && type !== 'CLAIM') return value;
  return (
    (STATUS_LABELS as Record<string, string>)[value] ??
    (CLAIM_LABELS as Record<string, string>)[value] ??
    value
  );
}

function eventNote(detail: Record<string, unknown>): string | null {
  const parts: string[] = [];
  if (typeof detail.amendsItemNo === 'string') parts.push(`원 항목 ${detail.amendsItemNo}`);
  if (typeof detail.reason === 'string') parts.push(`사유: ${detail.reason}`);
  return parts.length ? parts.join(' · ') : null;
}
