import { STALE_RUN_PAGE, isPlannable, moveStop, withStops, withoutStops } from './run-stops';

describe('run stop order', () => {
  it('adds picked stops at the end in the order they were picked, once each', () => {
    expect(withStops([5, 3], [9, 3, 7, 9])).toEqual([5, 3, 9, 7]);
  });

  it('closes the gap a removed stop leaves', () => {
    expect(withoutStops([5, 3, 9, 7], [3, 7])).toEqual([5, 9]);
  });

  it('moves a stop up or down by one', () => {
    expect(moveStop({ order: [5, 3, 9], bundleId: 9, from: 3, to: 2 })).toEqual({
      order: [5, 9, 3],
    });
    expect(moveStop({ order: [5, 3, 9], bundleId: 5, from: 1, to: 2 })).toEqual({
      order: [3, 5, 9],
    });
  });

  it('moves a stop to a typed position, first or last when the number is past either end', () => {
    expect(moveStop({ order: [1, 2, 3, 4], bundleId: 4, from: 4, to: 2 })).toEqual({
      order: [1, 4, 2, 3],
    });
    expect(moveStop({ order: [1, 2, 3], bundleId: 2, from: 2, to: 99 })).toEqual({
      order: [1, 3, 2],
    });
    expect(moveStop({ order: [1, 2, 3], bundleId: 2, from: 2, to: 0 })).toEqual({
      order: [2, 1, 3],
    });
  });

  it('refuses a move from a page that showed the stop somewhere else', () => {
    expect(moveStop({ order: [5, 9, 3], bundleId: 9, from: 3, to: 2 })).toEqual({
      refusal: STALE_RUN_PAGE,
    });
    expect(moveStop({ order: [5], bundleId: 9, from: 1, to: 1 })).toEqual({
      refusal: STALE_RUN_PAGE,
    });
  });
});

describe('which bundles a run may take', () => {
  const day = new Date('2026-12-01T00:00:00Z');
  const otherDay = new Date('2026-11-30T00:00:00Z');
  const run = { id: 1, runDate: day };
  const bundle = { status: 'OPEN' as const, scheduledDate: day, runId: null, run: null };

  it('takes a bundle of its day that is on no run yet, or already on this one', () => {
    expect(isPlannable(bundle, run)).toBe(true);
    expect(isPlannable({ ...bundle, runId: 1, run: { runDate: day } }, run)).toBe(true);
  });

  it('takes a stop back from a run of another day for another try', () => {
    const failed = { ...bundle, status: 'FAILED' as const, runId: 2, run: { runDate: otherDay } };
    expect(isPlannable(failed, run)).toBe(true);
  });

  it('refuses a bundle of another day, a delivered one, or one on another run of the day', () => {
    expect(isPlannable({ ...bundle, scheduledDate: otherDay }, run)).toBe(false);
    expect(isPlannable({ ...bundle, scheduledDate: null }, run)).toBe(false);
    expect(isPlannable({ ...bundle, status: 'DELIVERED' }, run)).toBe(false);
    expect(isPlannable({ ...bundle, runId: 2, run: { runDate: day } }, run)).toBe(false);
  });
});
