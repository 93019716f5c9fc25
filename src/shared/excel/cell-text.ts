import type { CellValue } from 'exceljs';

/** A cell's value as the text a person sees in Excel, trimmed; '' for errors and blanks. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value)
    return value.richText
      .map((run) => run.text ?? '')
      .join('')
      .trim();
  if ('hyperlink' in value) return cellText(value.text);
  // Formulas are never evaluated: the result Excel saved with the file is what the clerk saw.
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  return '';
}

// Excel shows 15 significant digits; integers are kept whole because order numbers are 16 digits
// long and a double still holds them exactly.
function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  return String(Number(n.toPrecision(15)));
}

// Excel dates carry no zone. ExcelJS reads the serial as UTC, so the UTC fields are the wall
// clock Excel displayed; rounding to the second undoes the serial's binary fraction.
function dateText(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return '';
  return new Date(Math.round(ms / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

export type SafeCellValue = string | number | boolean | Date | null;

// OWASP CSV-injection guidance: a leading quote keeps Excel from reading text as a formula when
// a clerk edits the cell or saves the sheet as CSV.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a value safe to write into an exported sheet; numbers and dates keep their type. */
export function neutraliseCell(value: unknown): SafeCellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}
