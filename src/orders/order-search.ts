import { formatPhone } from './intake/intake-values';

export type SearchKind =
  | { kind: 'number'; value: string; phones: string[] }
  | { kind: 'phone'; phones: string[] }
  | { kind: 'code'; value: string }
  | { kind: 'text'; prefix: string };

// Showroom numbers (S-20261124-0001, its items …-1) and partners' own (PO-2026-00123): one
// word of letters, digits and - _ . / with a digit in it.
const CODE = /^(?=.*\d)[0-9A-Za-z][0-9A-Za-z_./-]{3,49}$/;

// SmartStore's 상품주문번호 and 주문번호 are 16 digits; a mobile number has 10–11. Seven to
// eleven digits may be either (a short showroom number, or a phone typed without dashes).
export function searchKind(q: string): SearchKind {
  const text = q.trim();
  const digits = text.replace(/\D/g, '');
  if (/^\d+$/.test(text) && text.length >= 12) {
    // 12 digits from 050: a SmartStore safe number (0504-1234-5678) as much as a number.
    const phones = /^050\d{9}$/.test(text) ? phoneForms(text) : [];
    return { kind: 'number', value: text, phones };
  }
  if (/^\d+$/.test(text) && text.length >= 7)
    return { kind: 'number', value: text, phones: phoneForms(text) };
  if (/^[\d\s-]+$/.test(text) && digits.length >= 7)
    return { kind: 'phone', phones: phoneForms(text) };
  if (CODE.test(text)) return { kind: 'code', value: text };
  return { kind: 'text', prefix: text };
}

// Channels send 010-1234-5678 or 01012345678; both spellings are looked up exactly, so the
// phone index is used (a LIKE on the digits alone could not). The dashed one is the form
// intake stores.
export function phoneForms(input: string): string[] {
  const digits = input.replace(/\D/g, '');
  return [...new Set([digits, formatPhone(digits), input.trim().replace(/\s+/g, '')])];
}
