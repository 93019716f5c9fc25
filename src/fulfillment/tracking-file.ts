import { HttpStatus } from '@nestjs/common';
import { HEADER_SEARCH_ROWS, WantedColumn, findHeaderRow } from '../shared/excel/header-detection';
import type { RawRow } from '../shared/excel/raw-row';
import { readRows } from '../shared/excel/row-source';
import type { InspectedUpload } from '../shared/excel/upload-guard';
import { DomainError } from '../shared/http/domain-error';
import type { TrackingCells } from './tracking-row';

// A day's parcels are hundreds; the result page lists every row, so a file stays readable.
export const TRACKING_MAX_ROWS = 5_000;
// 5,000 rows of a courier's sheet are well under 1MB; the rest is room for formatting.
export const TRACKING_MAX_BYTES = 10 * 1024 * 1024;

// Courier systems and marketplaces name the same columns differently; the first alias is ours.
export const TRACKING_COLUMNS: WantedColumn[] = [
  {
    field: 'itemNo',
    aliases: ['상품주문번호', '주문상품번호', '품목번호', '주문상세번호'],
    required: false,
  },
  { field: 'orderNo', aliases: ['주문번호', '고객주문번호'], required: false },
  {
    field: 'courier',
    aliases: ['택배사', '택배사명', '배송업체', '택배업체', '배송사'],
    required: true,
  },
  {
    field: 'trackingNo',
    aliases: ['송장번호', '운송장번호', '택배송장번호', '등기번호'],
    required: true,
  },
];

const LABELS: Record<string, string> = { courier: '택배사', trackingNo: '송장번호' };

const missingColumns = (message: string) =>
  new DomainError('MISSING_COLUMNS', message, HttpStatus.UNPROCESSABLE_ENTITY);

export interface TrackingFileRow {
  rowNumber: number;
  cells: TrackingCells;
}

// The whole file is read, and its header checked, before any row is used: a file refused
// half-way must not leave half its parcels recorded.
export async function readTrackingFile(workbook: InspectedUpload): Promise<TrackingFileRow[]> {
  const source = readRows({ ...workbook, maxRows: TRACKING_MAX_ROWS })[Symbol.asyncIterator]();
  const head: RawRow[] = [];
  try {
    while (head.length < HEADER_SEARCH_ROWS) {
      const next = await source.next();
      if (next.done) break;
      head.push(next.value);
    }
    const columns = headerColumns(head);
    const toRow = (row: RawRow): TrackingFileRow => ({
      rowNumber: row.rowNumber,
      cells: Object.fromEntries(
        Object.entries(columns.columns).map(([field, index]) => [field, row.cells[index] ?? '']),
      ),
    });
    const rows = head.slice(columns.headerIndex + 1).map(toRow);
    for (let next = await source.next(); !next.done; next = await source.next()) {
      rows.push(toRow(next.value));
    }
    if (!rows.length) throw missingColumns('송장 파일에 제목 행 아래로 내용이 없습니다.');
    return rows;
  } finally {
    // Ends the reader so ExcelJS removes its temporary sheet file now, not at process exit.
    await source.return?.(undefined);
  }
}

function headerColumns(head: RawRow[]) {
  const match = findHeaderRow(
    head.map((r) => r.cells),
    TRACKING_COLUMNS,
  );
  if (match.headerIndex < 0) {
    throw missingColumns(
      '송장 파일의 제목 행을 찾지 못했습니다. 상품주문번호(또는 주문번호), 택배사, 송장번호 열이 있어야 합니다.',
    );
  }
  if (match.missingRequired.length) {
    const missing = match.missingRequired.map((field) => LABELS[field]).join(', ');
    throw missingColumns(`필수 열이 없습니다: ${missing}.`);
  }
  if (!('itemNo' in match.columns) && !('orderNo' in match.columns)) {
    throw missingColumns('상품주문번호 또는 주문번호 열이 없습니다.');
  }
  return match;
}
