import type { Writable } from 'node:stream';
import { stream as excelStream, type Worksheet } from 'exceljs';
import { neutraliseCell, type SafeCellValue } from './cell-text';
import { letZipCatchUp } from './xlsx-write-pacing';
import { SEOUL_OFFSET_MS } from '../text/seoul-time';

export interface SheetColumn {
  header: string;
  key: string;
  width?: number;
}

export type SheetRecord = Record<string, unknown>;

export interface SheetToWrite {
  name: string;
  columns: SheetColumn[];
  rows: AsyncIterable<SheetRecord> | Iterable<SheetRecord>;
}

export interface XlsxToWrite {
  stream: Writable;
  sheets: SheetToWrite[];
}

const DEFAULT_WIDTH = 14;
const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const ROWS_BETWEEN_PAUSES = 500;

/**
 * Streams a workbook into `stream`, committing each row so memory stays flat however many rows
 * come. Every value goes through neutraliseCell; Dates are shown in Seoul time.
 */
export async function writeXlsx({ stream, sheets }: XlsxToWrite): Promise<void> {
  // Shared strings would hold every distinct text of the export in memory until the end.
  const book = new excelStream.xlsx.WorkbookWriter({ stream, useStyles: true });
  for (const sheet of sheets) {
    const worksheet = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width ?? DEFAULT_WIDTH,
    }));
    worksheet.getRow(1).font = { bold: true };
    await writeRows(worksheet, sheet, stream);
    worksheet.commit();
  }
  await book.commit();
}

async function writeRows(worksheet: Worksheet, sheet: SheetToWrite, stream: Writable) {
  let written = 0;
  for await (const record of sheet.rows) {
    const row = worksheet.addRow(sheet.columns.map((c) => excelValue(record[c.key])));
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
    });
    row.commit();
    if (++written % ROWS_BETWEEN_PAUSES === 0) await letZipCatchUp(worksheet, stream);
  }
}

// ExcelJS writes a Date's UTC fields as the wall clock Excel shows; our Dates are instants.
function excelValue(value: unknown): SafeCellValue {
  const safe = neutraliseCell(value);
  return safe instanceof Date ? new Date(safe.getTime() + SEOUL_OFFSET_MS) : safe;
}
