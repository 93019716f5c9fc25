import { nextAttemptAfterFailure } from './notification-retry';

const now = new Date('2026-11-24T03:00:00Z');
const minutesLater = (date: Date | null) => date && (date.getTime() - now.getTime()) / 60_000;

describe('nextAttemptAfterFailure', () => {
  it('waits longer after each failed attempt', () => {
    expect(minutesLater(nextAttemptAfterFailure({ attempts: 1, maxAttempts: 5, now }))).toBe(1);
    expect(minutesLater(nextAttemptAfterFailure({ attempts: 2, maxAttempts: 5, now }))).toBe(5);
    expect(minutesLater(nextAttemptAfterFailure({ attempts: 3, maxAttempts: 5, now }))).toBe(25);
  });

  it('never waits more than an hour', () => {
    expect(minutesLater(nextAttemptAfterFailure({ attempts: 5, maxAttempts: 10, now }))).toBe(60);
  });

  it('stops trying by itself once the allowed attempts are used up', () => {
    expect(nextAttemptAfterFailure({ attempts: 3, maxAttempts: 3, now })).toBeNull();
    expect(nextAttemptAfterFailure({ attempts: 4, maxAttempts: 3, now })).toBeNull();
    expect(nextAttemptAfterFailure({ attempts: 1, maxAttempts: 1, now })).toBeNull();
  });
});
