import type { BundleStatus } from '../generated/prisma/enums';

// A run's stops are an ordered list of bundle ids; the position a person sees (1, 2, 3…) is
// the place in that list, and runSeq stores it.

export const STALE_RUN_PAGE = '화면이 오래되었습니다. 새로고침 후 다시 시도하세요.';

// New stops go to the end, in the order they were picked; a stop already on the run stays put.
export function withStops(order: readonly number[], added: readonly number[]): number[] {
  const next = [...order];
  const present = new Set(order);
  for (const id of added) {
    if (present.has(id)) continue;
    present.add(id);
    next.push(id);
  }
  return next;
}

export function withoutStops(order: readonly number[], removed: readonly number[]): number[] {
  const gone = new Set(removed);
  return order.filter((id) => !gone.has(id));
}

// `from` is the position the clerk's page showed: if the stop is no longer there (someone
// reordered, or the same button was sent twice), the move is refused rather than applied to
// a list the clerk did not see. A target past either end means first or last.
export function moveStop(params: {
  order: readonly number[];
  bundleId: number;
  from: number;
  to: number;
}): { order: number[] } | { refusal: string } {
  const { order, bundleId, from, to } = params;
  if (order[from - 1] !== bundleId) return { refusal: STALE_RUN_PAGE };
  const next = order.filter((id) => id !== bundleId);
  const target = Math.min(Math.max(to, 1), order.length) - 1;
  next.splice(target, 0, bundleId);
  return { order: next };
}

export interface PickedBundle {
  status: BundleStatus;
  scheduledDate: Date | null;
  runId: number | null;
  run: { runDate: Date } | null;
}

// The rule RunsRepository.plannableOn lists by, checked again on the locked rows: a bundle of
// the run's day, not delivered, and on no other run of that day.
export function isPlannable(bundle: PickedBundle, run: { id: number; runDate: Date }): boolean {
  const day = run.runDate.getTime();
  if (bundle.scheduledDate?.getTime() !== day || bundle.status === 'DELIVERED') return false;
  return bundle.runId === null || bundle.runId === run.id || bundle.run?.runDate.getTime() !== day;
}
