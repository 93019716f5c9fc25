import { optionKeyOf } from './option-key';

describe('the option key', () => {
  it('treats spacing and separator variants of one option alike', () => {
    expect(optionKeyOf('사이즈: Q / 색상: 그레이')).toBe(optionKeyOf('사이즈:Q/색상:그레이'));
    expect(optionKeyOf('사이즈：Q, 색상：그레이')).toBe(optionKeyOf('사이즈: Q / 색상: 그레이'));
  });

  it('keeps different options apart', () => {
    expect(optionKeyOf('사이즈: Q')).not.toBe(optionKeyOf('사이즈: K'));
  });

  it('gives an empty key for a product without options', () => {
    expect(optionKeyOf(undefined)).toBe('');
    expect(optionKeyOf('  ')).toBe('');
  });
});
