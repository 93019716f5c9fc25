export interface WantedColumn {
  field: string;
  /** Header texts that name this column; compared without spaces and case. */
  aliases: string[];
  required: boolean;
}

export interface HeaderMatch {
  /** Index into the rows given; -1 when no row names any wanted column. */
  headerIndex: number;
  /** Column index of each field found. */
  columns: Record<string, number>;
  missingRequired: string[];
  /** Header texts that name no wanted column, for the clerk to check. */
  unknownHeaders: string[];
}

/** Rows searched for the header; a channel's banner or notes come above it. */
export const HEADER_SEARCH_ROWS = 20;

// '배송비 묶음번호' and '배송비묶음번호' name the same column, while parentheses are kept because
// '배송방법(구매자 요청)' and '배송방법' are different columns. NFKC folds full-width forms and
// Hangul decomposed by macOS.
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b]+/g, '')
    .toLowerCase();
}

export function findHeaderRow(firstRows: string[][], wanted: WantedColumn[]): HeaderMatch {
  const candidates = firstRows.slice(0, HEADER_SEARCH_ROWS).map((row) => matchRow(row, wanted));
  // The row naming the most wanted columns wins; on a tie the upper one.
  let headerIndex = -1;
  candidates.forEach((c, i) => {
    if (c.found > (candidates[headerIndex]?.found ?? 0)) headerIndex = i;
  });
  if (headerIndex === -1) {
    return {
      headerIndex,
      columns: {},
      missingRequired: requiredFields(wanted),
      unknownHeaders: [],
    };
  }
  const { columns, unknownHeaders } = candidates[headerIndex];
  const missingRequired = requiredFields(wanted).filter((field) => !(field in columns));
  return { headerIndex, columns, missingRequired, unknownHeaders };
}

function matchRow(row: string[], wanted: WantedColumn[]) {
  const headers = row.map(normaliseHeader);
  const columns: Record<string, number> = {};
  for (const { field, aliases } of wanted) {
    // A column already claimed by an earlier field is not handed out twice; among several
    // matching columns the earlier alias wins (aliases are listed in order of preference).
    const claimed = new Set(Object.values(columns));
    for (const alias of aliases.map(normaliseHeader)) {
      const index = headers.findIndex((h, i) => h !== '' && h === alias && !claimed.has(i));
      if (index !== -1) {
        columns[field] = index;
        break;
      }
    }
  }
  const used = new Set(Object.values(columns));
  const unknownHeaders = row.filter((_, i) => headers[i] !== '' && !used.has(i));
  return { columns, unknownHeaders, found: used.size };
}

function requiredFields(wanted: WantedColumn[]): string[] {
  return wanted.filter((w) => w.required).map((w) => w.field);
}
