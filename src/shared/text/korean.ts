// 이/가 after a word, by whether its last syllable ends in a consonant (받침).
export function withSubjectParticle(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  if (last < 0xac00 || last > 0xd7a3) return `${word}이(가)`;
  return `${word}${(last - 0xac00) % 28 === 0 ? '가' : '이'}`;
}
