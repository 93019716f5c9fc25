import {
  formatRememberMeCookie,
  hashValidator,
  judgeRememberMeToken,
  newSeries,
  newValidator,
  parseRememberMeCookie,
} from './remember-me-token';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const now = new Date('2026-11-24T03:00:00Z');

function token(overrides: Partial<Parameters<typeof judgeRememberMeToken>[0]['token']> = {}) {
  return {
    tokenHash: hashValidator('current-validator'),
    previousHash: hashValidator('previous-validator'),
    rotatedAt: new Date(now.getTime() - 10_000),
    lastUsedAt: new Date(now.getTime() - 10_000),
    expiresAt: new Date(now.getTime() + 10 * DAY),
    ...overrides,
  };
}

const judge = (presented: string, t = token()) =>
  judgeRememberMeToken({
    token: t,
    presentedHash: hashValidator(presented),
    now,
    graceMs: 60_000,
    idleMs: 14 * DAY,
  });

describe('remember-me token rules', () => {
  it('accepts the current validator', () => {
    expect(judge('current-validator')).toBe('current');
  });

  it('accepts the previous validator shortly after a rotation (parallel requests)', () => {
    expect(judge('previous-validator')).toBe('previous-in-grace');
  });

  it('treats the previous validator as theft once the grace window has passed', () => {
    const rotatedLongAgo = token({ rotatedAt: new Date(now.getTime() - 5 * MIN) });
    expect(judge('previous-validator', rotatedLongAgo)).toBe('theft');
  });

  it('treats an unknown validator for a known series as theft', () => {
    expect(judge('forged-validator')).toBe('theft');
  });

  it('expires a token past its absolute lifetime', () => {
    expect(judge('current-validator', token({ expiresAt: new Date(now.getTime() - 1) }))).toBe(
      'expired',
    );
  });

  it('expires a token unused for longer than the idle limit', () => {
    const idle = token({ lastUsedAt: new Date(now.getTime() - 15 * DAY) });
    expect(judge('current-validator', idle)).toBe('expired');
  });

  it('round-trips a cookie and rejects malformed ones', () => {
    const cookie = { series: newSeries(), validator: newValidator() };
    expect(parseRememberMeCookie(formatRememberMeCookie(cookie))).toEqual(cookie);
    expect(parseRememberMeCookie('abc')).toBeNull();
    expect(parseRememberMeCookie(`${cookie.series}.${cookie.validator}.x`)).toBeNull();
    expect(parseRememberMeCookie(undefined)).toBeNull();
  });

  it('never stores the validator itself', () => {
    const validator = newValidator();
    expect(hashValidator(validator)).not.toContain(validator);
    expect(hashValidator(validator)).toHaveLength(64);
  });
});
