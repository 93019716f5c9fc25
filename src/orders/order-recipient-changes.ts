import type { OrderEventType } from './order-event-types';

// The delivery details a clerk may correct on an order.
export interface RecipientFields {
  recipientName: string;
  recipientPhone: string;
  postalCode: string | null;
  address: string;
  addressDetail: string | null;
  requestedDate: Date | null;
  memo: string | null;
}

export interface RecipientChangeEvent {
  type: OrderEventType;
  fromValue: string | null;
  toValue: string | null;
  detail: { field: keyof RecipientFields; label: string };
}

// Who receives it is a RECIPIENT change; where and when it goes is an ADDRESS change (both
// move the item to another delivery stop or day); the memo is its own kind.
const FIELDS: ReadonlyArray<{ field: keyof RecipientFields; type: OrderEventType; label: string }> =
  [
    { field: 'recipientName', type: 'RECIPIENT', label: '수령인' },
    { field: 'recipientPhone', type: 'RECIPIENT', label: '연락처' },
    { field: 'postalCode', type: 'ADDRESS', label: '우편번호' },
    { field: 'address', type: 'ADDRESS', label: '주소' },
    { field: 'addressDetail', type: 'ADDRESS', label: '상세주소' },
    { field: 'requestedDate', type: 'ADDRESS', label: '배송희망일' },
    { field: 'memo', type: 'MEMO', label: '메모' },
  ];

// A date column holds a calendar day (stored at UTC midnight), so it is compared and shown
// as YYYY-MM-DD.
function text(value: string | Date | null): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === '' ? null : value;
}

// One history row per field that really changed, with the old and new value.
export function recipientChanges(
  before: RecipientFields,
  after: RecipientFields,
): RecipientChangeEvent[] {
  return FIELDS.flatMap(({ field, type, label }) => {
    const fromValue = text(before[field]);
    const toValue = text(after[field]);
    return fromValue === toValue ? [] : [{ type, fromValue, toValue, detail: { field, label } }];
  });
}
