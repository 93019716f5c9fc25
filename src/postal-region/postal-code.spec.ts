import { normalizePostalCode } from './postal-code';

describe('normalizePostalCode', () => {
  it('accepts a 5-digit code, keeping its leading zero', () => {
    expect(normalizePostalCode('06236')).toEqual({ kind: 'five', code: '06236' });
  });

  it('ignores surrounding and inner whitespace', () => {
    expect(normalizePostalCode(' 062 36 ')).toEqual({ kind: 'five', code: '06236' });
  });

  it('reads full-width digits as ordinary digits', () => {
    expect(normalizePostalCode('０６２３６')).toEqual({ kind: 'five', code: '06236' });
  });

  it('recognises an old 6-digit code with or without its hyphen', () => {
    expect(normalizePostalCode('123-456')).toEqual({ kind: 'old6', code: '123-456' });
    expect(normalizePostalCode('123456')).toEqual({ kind: 'old6', code: '123-456' });
    expect(normalizePostalCode('１２３－４５６')).toEqual({ kind: 'old6', code: '123-456' });
  });

  it('treats missing values as empty', () => {
    expect(normalizePostalCode(undefined)).toEqual({ kind: 'empty' });
    expect(normalizePostalCode(null)).toEqual({ kind: 'empty' });
    expect(normalizePostalCode('  ')).toEqual({ kind: 'empty' });
  });

  it('rejects codes of other lengths and anything with letters', () => {
    for (const raw of ['6236', '1234567', '0623A', '06236.0', '12-3456']) {
      expect(normalizePostalCode(raw)).toEqual({ kind: 'invalid' });
    }
  });
});
