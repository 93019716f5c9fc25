import type { BundleStatus } from '../generated/prisma/enums';

export interface ReopenCandidate {
  id: number;
  status: BundleStatus;
  mergedIntoId: number | null;
  closedAt: Date | null;
}

// Why a bundle may not reopen, or null. Reopening is for a stop closed too early (dispatched
// or gone quiet) that must take one more item: never a delivered stop, never one that was
// merged away, and only the stop's latest closed bundle, so history reads in order.
export function reopenRefusal(
  bundle: ReopenCandidate,
  siblings: readonly ReopenCandidate[],
): string | null {
  if (bundle.status === 'OPEN') return '이미 열려 있는 묶음입니다.';
  if (bundle.status !== 'CLOSED') return '배송이 끝난 묶음은 다시 열 수 없습니다.';
  if (bundle.mergedIntoId !== null) return '다른 묶음으로 합쳐진 묶음은 다시 열 수 없습니다.';
  const later = siblings.some(
    (s) => s.id > bundle.id && s.status !== 'OPEN' && s.mergedIntoId === null,
  );
  return later ? '가장 최근에 닫힌 묶음만 다시 열 수 있습니다.' : null;
}

// What the clerk types is kept in the audit log and on the bundle: a few words at least.
export function reopenReasonRefusal(reason: string): string | null {
  const trimmed = reason.trim();
  if (trimmed.length < 2) return '다시 여는 이유를 2자 이상 적어 주세요.';
  if (trimmed.length > 300) return '이유는 300자 이내로 적어 주세요.';
  return null;
}
