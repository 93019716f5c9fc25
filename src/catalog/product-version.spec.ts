import { nextUpdatedAt } from './product-version';

describe("a product's next updatedAt", () => {
  it('is the current time when the clock has moved on', () => {
    const now = new Date('2026-03-01T10:00:00.500Z');
    expect(nextUpdatedAt(new Date('2026-03-01T10:00:00.000Z'), now)).toEqual(now);
  });

  it('is one millisecond later when two saves share a millisecond', () => {
    const same = new Date('2026-03-01T10:00:00.000Z');
    expect(nextUpdatedAt(same, same).toISOString()).toBe('2026-03-01T10:00:00.001Z');
  });
});
