export type SearchKind =
  | { kind: 'number'; value: string; phones: string[] }
  | { kind: 'phone'; phones: string[] }
  | { kind: 'code'; value: string }
  | { kind: 'text'; prefix: string };

// Showroom numbers (S-20261124-0001, its items …-1) and partners' own (PO-2026-00123): one
// word of letters, digits and dashes with a digit in it.
const CODE = /^(?=.*\d)[0-9A-Za-z][0-9A-Za-z_./-]{3,49}$/;

// SmartStore's 상품주문번호 and 주문번호 are 16 digits; a mobile number has 10–11. Seven to
// eleven digits may be either (a short showroom number, or a phone typed without dashes).
export function searchKind(q: string): SearchKind {
  const text = q.trim();
  const digits = text.replace(/\D/g, '');
  if (/^\d+$/.test(text) && text.length >= 12) return { kind: 'number', value: text, phones: [] };
  if (/^\d+$/.test(text) && text.length >= 7)
    return { kind: 'number', value: text, phones: phoneForms(text) };
  if (/^[\d\s-]+$/.test(text) && digits.length >= 7)
    return { kind: 'phone', phones: phoneForms(text) };
  if (CODE.test(text)) return { kind: 'code', value: text };
  return { kind: 'text', prefix: text };
}

// Channels send 010-1234-5678 or 01012345678; both spellings are looked up exactly, so the
// phone index is used (a LIKE on the digits alone could not).
export function phoneForms(input: string): string[] {
  const d = input.replace(/\D/g, '');
  const split = (...sizes: number[]) => {
    let at = 0;
    return sizes.map((n) => d.slice(at, (at += n))).join('-');
  };
  const dashed =
    d.length === 11
      ? split(3, 4, 4)
      : d.startsWith('02')
        ? split(2, d.length - 6, 4)
        : d.length === 10
          ? split(3, 3, 4)
          : d.length === 8
            ? split(4, 4)
            : d;
  return [...new Set([d, dashed, input.trim().replace(/\s+/g, '')])];
}
