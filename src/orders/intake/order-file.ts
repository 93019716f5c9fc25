import { HttpStatus } from '@nestjs/common';
import {
  IMPORT_FIELDS,
  ImportField,
  ImportLayout,
  RawOrderRow,
} from '../../channels/import-fields';
import { wantedColumns } from '../../channels/channels.service';
import { DomainError } from '../../shared/http/domain-error';
import { HEADER_SEARCH_ROWS, findHeaderRow } from '../../shared/excel/header-detection';
import type { RawRow } from '../../shared/excel/raw-row';
import { readRows } from '../../shared/excel/row-source';
import type { InspectedUpload } from '../../shared/excel/upload-guard';

export interface OrderFile {
  headers: string[];
  headerOf: (field: ImportField) => string;
  rows: AsyncIterable<{ rowNumber: number; raw: RawOrderRow }>;
}

const labelOf = (field: ImportField) => IMPORT_FIELDS.find((f) => f.field === field)!.label;

// Reads a checked workbook (see inspectUpload): finds the header row (a SmartStore download
// starts with a banner) and maps columns by the channel's layout.
export async function openOrderFile(params: {
  workbook: InspectedUpload;
  layout: ImportLayout;
}): Promise<OrderFile> {
  const source = readRows(params.workbook)[Symbol.asyncIterator]();
  const head: RawRow[] = [];
  while (head.length < HEADER_SEARCH_ROWS) {
    const next = await source.next();
    if (next.done) break;
    head.push(next.value);
  }
  const match = findHeaderRow(
    head.map((r) => r.cells),
    wantedColumns(params.layout),
  );
  if (match.headerIndex < 0 || match.missingRequired.length) {
    // Ends the reader so ExcelJS removes its temporary sheet file now, not at process exit.
    await source.return?.(undefined);
    const missing = (match.missingRequired as ImportField[]).map(labelOf).join(', ');
    throw new DomainError(
      'MISSING_COLUMNS',
      match.headerIndex < 0
        ? '주문 파일의 제목 행을 찾지 못했습니다. 이 채널의 엑셀 양식이 맞는지 확인하세요.'
        : `필수 열이 없습니다: ${missing}. 이 채널의 엑셀 양식이 맞는지 확인하세요.`,
      HttpStatus.UNPROCESSABLE_ENTITY,
    );
  }
  const headers = head[match.headerIndex].cells;
  const columns = match.columns as Partial<Record<ImportField, number>>;
  const mapped = Object.entries(columns) as Array<[ImportField, number]>;
  const toRaw = (row: RawRow) => {
    const raw: RawOrderRow = {};
    for (const [field, index] of mapped) raw[field] = row.cells[index];
    return { rowNumber: row.rowNumber, raw };
  };
  async function* rows() {
    for (const row of head.slice(match.headerIndex + 1)) yield toRaw(row);
    for (let next = await source.next(); !next.done; next = await source.next())
      yield toRaw(next.value);
  }
  return {
    headers,
    headerOf: (field) => (columns[field] !== undefined ? headers[columns[field]!] : labelOf(field)),
    rows: rows(),
  };
}
