import { Readable } from 'node:stream';
import { stream as excelStream, type CellValue, type Row } from 'exceljs';
import { cellText } from './cell-text';
import type { RawRow } from './raw-row';

type WorksheetReader = excelStream.xlsx.WorksheetReader;

// Dates are only recognised through their number format, so styles must be read.
const READER_OPTIONS = {
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  styles: 'cache',
  worksheets: 'emit',
} as const;

// Fields ExcelJS 4.4 sets at run time but leaves out of its typings.
interface SheetInternals {
  id: number;
  iterator: unknown;
}
interface BookInternals {
  model?: { sheets?: Array<{ id: number }> };
}

/** Rows of the first worksheet (in the workbook's tab order), streamed. */
export async function* xlsxRows(bytes: Buffer): AsyncGenerator<RawRow> {
  const book = new excelStream.xlsx.WorkbookReader(Readable.from([bytes]), READER_OPTIONS);
  const sheets = book[Symbol.asyncIterator]();
  try {
    for (let next = await sheets.next(); !next.done; next = await sheets.next()) {
      if (!isFirstTab(book, next.value)) {
        release(next.value);
        continue;
      }
      for await (const row of next.value) yield { rowNumber: row.number, cells: rowCells(row) };
      return;
    }
  } finally {
    await finish(sheets);
  }
}

function isFirstTab(book: object, sheet: WorksheetReader): boolean {
  const firstId = (book as BookInternals).model?.sheets?.[0]?.id;
  return firstId === undefined || (sheet as unknown as SheetInternals).id === firstId;
}

function rowCells(row: Row): string[] {
  // values is 1-based: index 0 is always empty.
  const values = row.values as CellValue[];
  const cells: string[] = [];
  for (let col = 1; col < values.length; col++) cells.push(cellText(values[col]));
  return cells;
}

// ExcelJS parks each worksheet that precedes the shared strings in the zip (Excel's own order)
// in a temporary file and deletes it only when its iteration moves on; stopping early would
// leave those files behind until the process exits. Running the reader to its end, without
// parsing the other sheets, deletes them.
async function finish(sheets: AsyncGenerator<WorksheetReader>): Promise<void> {
  for (let next = await sheets.next(); !next.done; next = await sheets.next()) release(next.value);
}

// A parked worksheet is handed over as an open file stream; close it if nobody reads it.
function release(sheet: WorksheetReader): void {
  const source = (sheet as unknown as SheetInternals).iterator;
  if (source instanceof Readable) source.destroy();
}
