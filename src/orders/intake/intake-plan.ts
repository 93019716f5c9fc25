import { ClaimType, ItemStatus } from '../../generated/prisma/enums';
import type { OrderEventType } from '../order-event-types';
import { mergeChannelStatus } from './channel-status';
import type { IntakeRow } from './intake-row';
import { normalisePhone } from '../../shared/text/contact-normalise';

export interface Change {
  type: OrderEventType;
  field: string;
  from: string | null;
  to: string | null;
}

export interface ExistingOrder {
  id: number;
  recipientName: string;
  recipientPhone: string;
  postalCode: string | null;
  address: string;
  addressDetail: string | null;
  memo: string | null;
  // A clerk's "do not combine": an item the channel adds later travels with its order alone.
  doNotCombine: boolean;
}

export interface ExistingItem {
  id: number;
  orderId: number;
  orderedAt: Date;
  scheduledDate: Date | null;
  completedAt: Date | null;
  status: ItemStatus;
  claimType: ClaimType | null;
  courier: string | null;
  trackingNo: string | null;
}

const ORDER_FIELDS: Array<[keyof ExistingOrder & keyof IntakeRow, OrderEventType]> = [
  ['recipientName', 'RECIPIENT'],
  ['recipientPhone', 'RECIPIENT'],
  ['postalCode', 'ADDRESS'],
  ['address', 'ADDRESS'],
  ['addressDetail', 'ADDRESS'],
  ['memo', 'MEMO'],
];

const samePhone = (a: string, b: string) => normalisePhone(a) === normalisePhone(b);

function changed<T>(field: string, type: OrderEventType, from: T, to: T): Change[] {
  const a = from ?? null;
  const b = to ?? null;
  return a === b
    ? []
    : [{ type, field, from: a === null ? null : String(a), to: b === null ? null : String(b) }];
}

// What a later download changes on an order the desk already has. A blank cell in the file
// never erases what the desk knows, and a phone written with other dashes is the same phone.
export function diffOrder(existing: ExistingOrder, row: IntakeRow): Change[] {
  return ORDER_FIELDS.flatMap(([field, type]) => {
    if (row[field] === null || row[field] === '') return [];
    if (field === 'recipientPhone' && samePhone(existing.recipientPhone, row.recipientPhone)) {
      return [];
    }
    return changed(field, type, existing[field], row[field]);
  });
}

export function diffItem(existing: ExistingItem, row: IntakeRow): Change[] {
  const changes: Change[] = [];
  if (row.channelStatus) {
    const status = mergeChannelStatus(existing.status, row.channelStatus.status);
    changes.push(...changed('status', 'STATUS', existing.status, status));
    if (status !== existing.status && row.channelStatus.claimType) {
      changes.push(
        ...changed('claimType', 'CLAIM', existing.claimType, row.channelStatus.claimType),
      );
    }
  }
  if (row.courier) changes.push(...changed('courier', 'TRACKING', existing.courier, row.courier));
  if (row.trackingNo)
    changes.push(...changed('trackingNo', 'TRACKING', existing.trackingNo, row.trackingNo));
  return changes;
}
