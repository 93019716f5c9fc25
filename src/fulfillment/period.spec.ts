import { FormValidationError } from '../shared/http/domain-error';
import { dayOf, periodOf, periodOrNull } from './period';

// 2026-11-24 08:30 in Seoul.
const now = new Date('2026-11-23T23:30:00Z');

describe('periodOf', () => {
  it('defaults to the last seven Seoul days, today included', () => {
    expect(periodOf({}, now)).toEqual({
      from: '2026-11-18',
      to: '2026-11-24',
      start: new Date('2026-11-17T15:00:00Z'),
      end: new Date('2026-11-24T15:00:00Z'),
    });
  });

  it('refuses a day that does not exist and an end before the start', () => {
    expect(() => periodOf({ from: '2026-02-30' }, now)).toThrow(FormValidationError);
    try {
      periodOf({ from: '2026-11-24', to: '2026-11-20' }, now);
    } catch (error) {
      expect((error as FormValidationError).fieldErrors).toEqual({
        to: '종료일이 시작일보다 앞섭니다.',
      });
    }
    expect(periodOrNull({ from: '2026-13-01' }, now)).toBeNull();
  });

  it('makes one Seoul day of a date picker’s value', () => {
    expect(dayOf('2026-11-28', now)).toMatchObject({
      start: new Date('2026-11-27T15:00:00Z'),
      end: new Date('2026-11-28T15:00:00Z'),
    });
    expect(dayOf(undefined, now).from).toBe('2026-11-24');
    expect(() => dayOf('2026-02-30', now)).toThrow(FormValidationError);
  });
});
