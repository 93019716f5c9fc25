import {
  HEADER_SEARCH_ROWS,
  findHeaderRow,
  normaliseHeader,
} from '../shared/excel/header-detection';
import { readRows } from '../shared/excel/row-source';
import type { InspectedUpload } from '../shared/excel/upload-guard';
import { DomainError, FieldErrors, FormValidationError } from '../shared/http/domain-error';
import { wantedColumns } from './channels.service';
import { MAX_ALIAS_LENGTH, uniqueAliases } from './dto/layout-aliases';
import { IMPORT_FIELDS, ImportField, ImportLayout, isImportField } from './import-fields';

export const SAMPLE_DATA_ROWS = 5;

/** The header text chosen for each of our fields. */
export type FieldPicks = Partial<Record<ImportField, string>>;

export interface SampleFile {
  headers: string[];
  /** The first data rows under the header, so the admin recognises what each column holds. */
  rows: string[][];
  /** The header each field's current aliases already find; the admin confirms or changes it. */
  detected: FieldPicks;
}

// Only the top of the file is read: enough rows to find the header as an import would, plus
// the rows shown under it.
export async function readSampleFile(params: {
  workbook: InspectedUpload;
  layout: ImportLayout;
}): Promise<SampleFile> {
  const head = await firstRows(params.workbook, HEADER_SEARCH_ROWS + SAMPLE_DATA_ROWS);
  if (!head.length) {
    throw new DomainError(
      'EMPTY_SAMPLE',
      '파일에 내용이 없습니다. 제목 행과 주문이 몇 줄 들어 있는 파일을 올려 주세요.',
    );
  }
  const match = findHeaderRow(head, wantedColumns(params.layout));
  const headerIndex =
    match.headerIndex >= 0 ? match.headerIndex : fullestRow(head.slice(0, HEADER_SEARCH_ROWS));
  const headers = head[headerIndex];
  const detected: FieldPicks = {};
  for (const [field, column] of Object.entries(match.columns))
    detected[field as ImportField] = headers[column];
  return {
    headers,
    rows: head.slice(headerIndex + 1, headerIndex + 1 + SAMPLE_DATA_ROWS),
    detected,
  };
}

async function firstRows(workbook: InspectedUpload, count: number): Promise<string[][]> {
  const source = readRows(workbook)[Symbol.asyncIterator]();
  const rows: string[][] = [];
  try {
    for (let next = await source.next(); !next.done; next = await source.next()) {
      rows.push(next.value.cells);
      if (rows.length === count) break;
    }
  } finally {
    // Ends the reader so ExcelJS removes its temporary sheet file now, not at process exit.
    await source.return(undefined);
  }
  return rows;
}

// A file no alias knows yet: its header is the widest row near the top (banners and notes
// above it are a merged cell or two).
function fullestRow(rows: string[][]): number {
  const filled = (row: string[]) => row.filter((cell) => cell !== '').length;
  let best = 0;
  rows.forEach((row, i) => {
    if (filled(row) > filled(rows[best])) best = i;
  });
  return best;
}

/**
 * The layout after the admin matched our fields to a sample's headers: each pick comes first,
 * then the field's earlier aliases, so files in the old shape still import. An earlier alias
 * that names some other column of this sample is dropped: the admin has just said that column
 * is not this field, and keeping it would let the field claim it on files like this one.
 */
export function layoutFromPicks(params: {
  previous: ImportLayout;
  headers: readonly string[];
  picks: Record<string, unknown>;
}): ImportLayout {
  const unknown = Object.keys(params.picks).filter((key) => !isImportField(key));
  if (unknown.length)
    throw new FormValidationError(
      {},
      unknown.map((key) => `picks.${key}`),
    );
  const inSample = new Set(params.headers.map(normaliseHeader).filter(Boolean));
  const pickedBy = new Map<string, string>();
  const errors: FieldErrors = {};
  const layout: ImportLayout = {};
  for (const { field, label, required } of IMPORT_FIELDS) {
    const pick = params.picks[field] ?? '';
    const error = pickError({ pick, required, inSample, pickedBy });
    if (error) {
      errors[`picks.${field}`] = error;
      continue;
    }
    const picked = (pick as string).trim();
    if (picked) pickedBy.set(normaliseHeader(picked), label);
    const earlier = (params.previous[field] ?? []).filter((a) => !inSample.has(normaliseHeader(a)));
    const aliases = uniqueAliases([picked, ...earlier]);
    if (aliases.length) layout[field] = aliases;
  }
  if (Object.keys(errors).length) throw new FormValidationError(errors);
  return layout;
}

function pickError(params: {
  pick: unknown;
  required: boolean;
  inSample: Set<string>;
  pickedBy: Map<string, string>;
}): string | undefined {
  const { pick, required, inSample, pickedBy } = params;
  if (typeof pick !== 'string') return '선택 값이 잘못되었습니다.';
  const key = normaliseHeader(pick);
  if (key === '') return required ? '필수 항목입니다. 이 값이 들어 있는 열을 고르세요.' : undefined;
  if (!inSample.has(key)) return '파일에 없는 열입니다. 파일을 다시 올려 주세요.';
  if (pick.trim().length > MAX_ALIAS_LENGTH)
    return `제목이 ${MAX_ALIAS_LENGTH}자를 넘는 열은 고를 수 없습니다.`;
  // The importer hands each column to one field only, so a second field would come up empty.
  if (pickedBy.has(key)) return `'${pickedBy.get(key)}' 항목에서 이미 고른 열입니다.`;
  return undefined;
}
