import { ClaimType, ItemStatus } from '../generated/prisma/enums';
import {
  COMPLETED_STATUSES,
  STATUS_LABELS,
  canTransition,
  claimOf,
  lifeDateOf,
} from './order-status';

// What a status change needs to know about the item besides its id and version.
export interface ItemBeforeChange {
  status: ItemStatus;
  claimType: ClaimType | null;
  claimReason: string | null;
  amendsItemId: number | null;
  orderedAt: Date;
  scheduledDate: Date | null;
  completedAt: Date | null;
}

export interface ItemStatusColumns {
  status: ItemStatus;
  claimType: ClaimType | null;
  claimReason: string | null;
  completedAt: Date | null;
  lifeDate: Date;
}

// The Korean reason a change is refused, or null when the status machine allows it.
export function transitionRefusal(from: ItemStatus, to: ItemStatus): string | null {
  if (from === to) return `이미 '${STATUS_LABELS[to]}' 상태입니다.`;
  if (canTransition(from, to)) return null;
  return `'${STATUS_LABELS[from]}'에서 '${STATUS_LABELS[to]}'(으)로 바꿀 수 없습니다.`;
}

// Every column a status change writes. The caller checks the transition first.
export function statusColumnsAfter(params: {
  item: ItemBeforeChange;
  to: ItemStatus;
  reason?: string | null;
  now?: Date;
}): ItemStatusColumns {
  const { item, to, reason, now = new Date() } = params;
  const claim = claimOf(to);
  const previousClaim = claimOf(item.status);
  let claimType = item.claimType;
  let claimReason = item.claimReason;
  if (claim) {
    claimType = claim;
    // Moving along the same claim (요청 → 완료) keeps the reason given when it was opened.
    claimReason = reason || (previousClaim === claim ? item.claimReason : null);
  } else if (previousClaim) {
    // A withdrawn claim: the item is an ordinary item again, or an add-on if it was one
    // (only add-ons are linked to the item they amend).
    claimType = item.amendsItemId !== null ? 'ADD_ON' : null;
    claimReason = null;
  }
  // Delivered then completed (or a withdrawn return) keeps the first delivery time: that is
  // when the item was really done, and the date filters must not move with paperwork.
  const completedAt = COMPLETED_STATUSES.includes(to)
    ? (item.completedAt ?? now)
    : item.completedAt;
  const lifeDate = lifeDateOf({
    status: to,
    completedAt,
    scheduledDate: item.scheduledDate,
    orderedAt: item.orderedAt,
  });
  return { status: to, claimType, claimReason, completedAt, lifeDate };
}

// A claim opened by hand starts at its "requested" status; the status machine decides from
// which statuses that is possible (no cancel after dispatch, no return before it).
export const CLAIM_REQUEST_STATUS = {
  CANCEL: 'CANCEL_REQUESTED',
  RETURN: 'RETURN_REQUESTED',
  EXCHANGE: 'EXCHANGE_REQUESTED',
} as const satisfies Partial<Record<ClaimType, ItemStatus>>;

export type ClaimKind = keyof typeof CLAIM_REQUEST_STATUS;

export const CLAIM_KINDS = Object.keys(CLAIM_REQUEST_STATUS) as ClaimKind[];

export function claimKindsFrom(status: ItemStatus): ClaimKind[] {
  return CLAIM_KINDS.filter((kind) => canTransition(status, CLAIM_REQUEST_STATUS[kind]));
}
