import { seoulDayStart, seoulToday, seoulWallClock } from './seoul-time';

describe('Seoul calendar days', () => {
  it('begins at midnight in Seoul, which is 15:00 the day before in UTC', () => {
    expect(seoulDayStart('2026-11-24')).toEqual(new Date('2026-11-23T15:00:00Z'));
    expect(seoulDayStart('2026-12-31', 1)).toEqual(new Date('2026-12-31T15:00:00Z'));
  });

  it('must exist in the calendar', () => {
    expect(seoulDayStart('2026-02-29')).toBeNull();
    expect(seoulDayStart('2028-02-29')).not.toBeNull();
  });
});
describe('Seoul wall-clock text', () => {
  it('is nine hours ahead of UTC, across midnight', () => {
    expect(seoulWallClock(new Date('2026-11-23T15:30:05Z'))).toBe('2026-11-24 00:30:05');
    expect(seoulToday(new Date('2026-11-23T14:59:59Z'))).toBe('2026-11-23');
    expect(seoulToday(new Date('2026-11-23T15:00:00Z'))).toBe('2026-11-24');
  });
});
