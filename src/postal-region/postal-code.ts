/**
 * What a raw postal-code field holds. Only a 5-digit code is looked up; the 6-digit codes retired
 * in 2015 do not map onto 5-digit ones, so they and anything else fall back to the address.
 */
export type NormalizedPostalCode =
  | { kind: 'five'; code: string }
  | { kind: 'old6'; code: string }
  | { kind: 'empty' }
  | { kind: 'invalid' };

const FIVE_DIGITS = /^\d{5}$/;

export function normalizePostalCode(raw: string | null | undefined): NormalizedPostalCode {
  if (raw && FIVE_DIGITS.test(raw)) return { kind: 'five', code: raw };
  // NFKC turns full-width digits and hyphens (０６２３６, １２３－４５６) into ASCII.
  const text = (raw ?? '').normalize('NFKC').replace(/\s+/g, '');
  if (text === '') return { kind: 'empty' };
  if (FIVE_DIGITS.test(text)) return { kind: 'five', code: text };
  const old = /^(\d{3})[-‐‑–—]?(\d{3})$/.exec(text);
  if (old) return { kind: 'old6', code: `${old[1]}-${old[2]}` };
  return { kind: 'invalid' };
}
