import {
  formatPhone,
  parseCalendarDate,
  parseQuantity,
  parseSeoulDateTime,
  parseWon,
} from './intake-values';

describe('values read from order files', () => {
  it('reads date-times as Seoul wall-clock time', () => {
    expect(parseSeoulDateTime('2026-11-24 09:30:00')?.toISOString()).toBe(
      '2026-11-24T00:30:00.000Z',
    );
    expect(parseSeoulDateTime('2026.11.24 00:10')?.toISOString()).toBe('2026-11-23T15:10:00.000Z');
    expect(parseSeoulDateTime('2026-11-24')?.toISOString()).toBe('2026-11-23T15:00:00.000Z');
  });

  it('refuses impossible or unknown dates', () => {
    expect(parseSeoulDateTime('2026-02-30 10:00')).toBeNull();
    expect(parseSeoulDateTime('어제')).toBeNull();
    expect(parseSeoulDateTime('2026-11-24 25:00')).toBeNull();
  });

  it('reads a calendar day without shifting it', () => {
    expect(parseCalendarDate('2026-12-01')?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(parseCalendarDate('2026-13-01')).toBeNull();
  });

  it('reads won amounts with separators and refuses text', () => {
    expect(parseWon('1,290,000')).toBe(1290000);
    expect(parseWon('890000원')).toBe(890000);
    expect(parseWon('무료')).toBeNull();
  });

  it('accepts quantities from 1 up', () => {
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('두 개')).toBeNull();
  });

  it('writes phone numbers one way', () => {
    expect(formatPhone('01012345678')).toBe('010-1234-5678');
    expect(formatPhone('010 1234 5678')).toBe('010-1234-5678');
    expect(formatPhone('0212345678')).toBe('02-1234-5678');
  });

  it('writes SmartStore safe numbers and 15xx numbers as they are dialled', () => {
    expect(formatPhone('050412345678')).toBe('0504-1234-5678');
    expect(formatPhone('0504 1234 5678')).toBe('0504-1234-5678');
    expect(formatPhone('05051234567')).toBe('0505-123-4567');
    expect(formatPhone('15881234')).toBe('1588-1234');
    expect(formatPhone('054-123-4567')).toBe('054-123-4567');
  });
});
