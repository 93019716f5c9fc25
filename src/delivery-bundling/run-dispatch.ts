import type { ItemStatus } from '../generated/prisma/enums';

export const RUN_DISPATCHED_REFUSAL = '이미 출발한 배송 계획은 바꿀 수 없습니다.';

// What leaving with the truck does to an item: one ready to go is now on its way. Pickups
// (반품·교환 요청) are collected at the stop, so they stay as they are; an item not yet
// prepared is not the driver's to push through the steps the clerk skipped.
export function dispatchStepOf(status: ItemStatus): ItemStatus | null {
  return status === 'PREPARING' ? 'OUT_FOR_DELIVERY' : null;
}

// An item the truck should carry that the office has not prepared yet: the clerk is told.
export function isLeftBehind(status: ItemStatus): boolean {
  return status === 'NEW' || status === 'CONFIRMED';
}

// Stops are added or removed only before the truck leaves; the order may still change.
export function planChangeRefusal(run: { dispatchedAt: Date | null }): string | null {
  return run.dispatchedAt ? RUN_DISPATCHED_REFUSAL : null;
}
