const MINUTE = 60_000;

// Longer than the longest send timeout allowed (NOTIFY_HTTP_TIMEOUT_MS ≤ 60 s): a claimed message
// only becomes due again if its sender stopped before recording the outcome.
export const CLAIM_LEASE_MS = 2 * MINUTE;

// After a failed attempt the next one waits 1, 5, 25 … minutes (an hour at most), until
// `maxAttempts` attempts were made; after that only a clerk's retry sends it again.
export function nextAttemptAfterFailure(params: {
  attempts: number;
  maxAttempts: number;
  now: Date;
}): Date | null {
  const { attempts, maxAttempts, now } = params;
  if (attempts >= maxAttempts) return null;
  const wait = Math.min(MINUTE * 5 ** Math.max(attempts - 1, 0), 60 * MINUTE);
  return new Date(now.getTime() + wait);
}
