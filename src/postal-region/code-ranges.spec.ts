import { decodeRanges, encodeRanges } from './code-ranges';

describe('code ranges', () => {
  it('writes consecutive suffixes as ranges and lone ones as single numbers', () => {
    expect(encodeRanges([0, 1, 2, 5, 7, 8, 99])).toBe('00-02,05,07-08,99');
  });

  it('sorts and de-duplicates before encoding', () => {
    expect(encodeRanges([8, 7, 7, 1])).toBe('01,07-08');
  });

  it('encodes nothing as an empty string and decodes it back to nothing', () => {
    expect(encodeRanges([])).toBe('');
    expect(decodeRanges('')).toEqual([]);
  });

  it('decodes what it encodes', () => {
    const suffixes = [0, 3, 4, 5, 10, 42, 97, 98, 99];
    expect(decodeRanges(encodeRanges(suffixes))).toEqual(suffixes);
  });
});
