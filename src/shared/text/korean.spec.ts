import { withSubjectParticle } from './korean';

describe('Korean subject particle', () => {
  it('uses 가 after a vowel and 이 after a consonant', () => {
    expect(withSubjectParticle('상품주문번호')).toBe('상품주문번호가');
    expect(withSubjectParticle('상품명')).toBe('상품명이');
  });

  it('falls back to 이(가) after a non-Hangul character', () => {
    expect(withSubjectParticle('SKU')).toBe('SKU이(가)');
  });
});
