import type { BundleStatus, ItemStatus } from '../generated/prisma/enums';

export type BundleOutcome = 'DELIVERED' | 'FAILED';

// A bundle can be marked from any state before delivery; marking a failed stop delivered is
// the second attempt succeeding.
const OUTCOME_FROM: Record<BundleOutcome, readonly BundleStatus[]> = {
  DELIVERED: ['OPEN', 'CLOSED', 'FAILED'],
  FAILED: ['OPEN', 'CLOSED'],
};

export const OUTCOME_LABELS: Record<BundleOutcome, string> = {
  DELIVERED: '배송완료',
  FAILED: '배송실패',
};

export function canMark(from: BundleStatus, to: BundleOutcome): boolean {
  return OUTCOME_FROM[to].includes(from);
}

// The next step an item takes through the status machine when its stop is delivered, until
// there is none: an item still being prepared is dispatched first (the machine has no
// shortcut), and a pickup is done. Other statuses are not the driver's to change.
const NEXT_ON_DELIVERED: Partial<Record<ItemStatus, ItemStatus>> = {
  PREPARING: 'OUT_FOR_DELIVERY',
  OUT_FOR_DELIVERY: 'DELIVERED',
  RETURN_REQUESTED: 'RETURNED',
  EXCHANGE_REQUESTED: 'EXCHANGED',
};

export function nextOnDelivered(status: ItemStatus): ItemStatus | null {
  return NEXT_ON_DELIVERED[status] ?? null;
}
