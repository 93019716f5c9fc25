import { formatDate, formatDateTime, formatWon } from './formatting';

describe('formatting for people in Korea', () => {
  it('shows a UTC instant in Seoul time', () => {
    expect(formatDateTime(new Date('2026-11-23T15:30:00Z'))).toBe('2026-11-24 00:30');
  });

  it('gives the Seoul calendar date, which can be a day after the UTC date', () => {
    expect(formatDate(new Date('2026-11-23T15:00:00Z'))).toBe('2026-11-24');
    expect(formatDate(new Date('2026-11-23T14:59:59Z'))).toBe('2026-11-23');
  });

  it('writes money as integer won with thousands separators', () => {
    expect(formatWon(1290000)).toBe('1,290,000원');
  });

  it('shows nothing for missing values', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatWon(undefined)).toBe('');
  });
});
