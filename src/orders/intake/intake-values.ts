// Parsing of the text cells an order file carries. Every date a person typed is Seoul time.
import { SEOUL_OFFSET_MS } from '../../shared/text/seoul-time';

const DATE_TIME = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export function parseSeoulDateTime(text: string): Date | null {
  const m = DATE_TIME.exec(text.trim().replace(/\.$/, ''));
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - SEOUL_OFFSET_MS;
  const date = new Date(utc);
  const check = new Date(utc + SEOUL_OFFSET_MS);
  if (check.getUTCFullYear() !== +y || check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d)
    return null;
  return +h > 23 || +mi > 59 || +s > 59 ? null : date;
}

// A calendar day (배송희망일) is stored as that date at UTC midnight (a DATE column).
export function parseCalendarDate(text: string): Date | null {
  const m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?$/.exec(text.trim());
  if (!m) return null;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return date.getUTCDate() === +m[3] && date.getUTCMonth() === +m[2] - 1 ? date : null;
}

// Amounts live in INT columns; a stray digit run beyond them is the row's error, not a
// database failure of the whole file.
export const WON_LIMIT = 2_000_000_000;

export function parseWon(text: string): number | null {
  const cleaned = text.replace(/[,\s원₩]/g, '');
  if (!/^-?\d+(\.0+)?$/.test(cleaned)) return null;
  const won = Math.round(Number(cleaned));
  return Math.abs(won) <= WON_LIMIT ? won : null;
}

export function parseQuantity(text: string): number | null {
  const n = parseWon(text);
  return n !== null && n >= 1 && n <= 10_000 ? n : null;
}

// Mobile, Seoul and area numbers; 050x safe numbers (안심번호, which SmartStore hands out
// instead of the buyer's own: 0504-1234-5678, 0505-123-4567) and 15xx/16xx/18xx numbers.
export function formatPhone(text: string): string {
  const digits = text.replace(/\D/g, '');
  if (/^050\d{8,9}$/.test(digits)) return digits.replace(/^(050\d)(\d{3,4})(\d{4})$/, '$1-$2-$3');
  if (/^1[568]\d{6}$/.test(digits)) return digits.replace(/^(\d{4})(\d{4})$/, '$1-$2');
  if (/^01\d{8,9}$/.test(digits)) return digits.replace(/^(\d{3})(\d{3,4})(\d{4})$/, '$1-$2-$3');
  if (/^02\d{7,8}$/.test(digits)) return digits.replace(/^(02)(\d{3,4})(\d{4})$/, '$1-$2-$3');
  if (/^0\d{9,10}$/.test(digits)) return digits.replace(/^(0\d{2})(\d{3,4})(\d{4})$/, '$1-$2-$3');
  return text.trim();
}
