import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface RememberMeCookie {
  series: string;
  validator: string;
}

export interface StoredRememberMeToken {
  tokenHash: string;
  previousHash: string | null;
  rotatedAt: Date | null;
  lastUsedAt: Date;
  expiresAt: Date;
}

export type RememberMeVerdict = 'current' | 'previous-in-grace' | 'theft' | 'expired';

const PART = /^[A-Za-z0-9_-]{20,64}$/;

export const newSeries = () => randomBytes(18).toString('base64url');
export const newValidator = () => randomBytes(32).toString('base64url');

// The validator is 256 random bits, so a fast hash is enough: nothing to brute-force.
export const hashValidator = (validator: string) =>
  createHash('sha256').update(validator).digest('hex');

export const formatRememberMeCookie = ({ series, validator }: RememberMeCookie) =>
  `${series}.${validator}`;

export function parseRememberMeCookie(value: unknown): RememberMeCookie | null {
  if (typeof value !== 'string') return null;
  const [series, validator, extra] = value.split('.');
  if (extra !== undefined || !PART.test(series ?? '') || !PART.test(validator ?? '')) return null;
  return { series, validator };
}

function sameHash(a: string, b: string | null): boolean {
  if (!b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

// A validator that matches neither the current hash nor, shortly after a rotation, the
// previous one was copied by someone else: the legitimate browser and the thief cannot both
// hold the newest value. Requests fired in parallel by one browser before the rotated cookie
// arrived carry the previous value, hence the grace window instead of an alarm.
export function judgeRememberMeToken(params: {
  token: StoredRememberMeToken;
  presentedHash: string;
  now: Date;
  graceMs: number;
  idleMs: number;
}): RememberMeVerdict {
  const { token, presentedHash, now, graceMs, idleMs } = params;
  const t = now.getTime();
  if (t >= token.expiresAt.getTime() || t - token.lastUsedAt.getTime() > idleMs) return 'expired';
  if (sameHash(presentedHash, token.tokenHash)) return 'current';
  const inGrace = token.rotatedAt !== null && t - token.rotatedAt.getTime() <= graceMs;
  if (inGrace && sameHash(presentedHash, token.previousHash)) return 'previous-in-grace';
  return 'theft';
}
