import { setImmediate as nextTurn } from 'node:timers/promises';
import { csvRows } from './csv-rows';
import { HEADER_SEARCH_ROWS } from './header-detection';
import { DEFAULT_UPLOAD_LIMITS } from './upload-limits';
import { UploadRejectedError } from './upload-rejected.error';
import type { RawRow } from './raw-row';
import { xlsxRows } from './xlsx-rows';

// Parsing a CSV runs entirely in promise callbacks: without a turn of the event loop now and
// then, a large file would hold up every other request until it is read.
const ROWS_PER_TURN = 1_000;

export interface RowSourceInput {
  kind: 'xlsx' | 'csv';
  bytes: Buffer;
  /** Data rows allowed; the rows above the header come on top. */
  maxRows?: number;
}

/**
 * The non-empty rows of the first worksheet (or of the CSV) as trimmed text, streamed so a
 * 100,000-row file never sits in memory as rows.
 */
export async function* readRows(input: RowSourceInput): AsyncGenerator<RawRow> {
  const maxRows = input.maxRows ?? DEFAULT_UPLOAD_LIMITS.maxRows;
  const maxFilled = maxRows + HEADER_SEARCH_ROWS;
  // Formatting alone makes a row exist: a sheet of a million empty rows zips to a few MB.
  const maxSeen = 2 * maxFilled;
  let seen = 0;
  let filled = 0;
  const rows = input.kind === 'xlsx' ? xlsxRows(input.bytes) : csvRows(input.bytes);
  for await (const row of rows) {
    if (++seen > maxSeen) throw tooManyRows(maxRows);
    if (seen % ROWS_PER_TURN === 0) await nextTurn();
    if (row.cells.every((cell) => cell === '')) continue;
    if (++filled > maxFilled) throw tooManyRows(maxRows);
    yield row;
  }
}

function tooManyRows(maxRows: number): UploadRejectedError {
  return new UploadRejectedError(
    'TOO_MANY_ROWS',
    `행이 너무 많습니다. 한 번에 ${maxRows.toLocaleString('ko-KR')}행까지 올릴 수 있습니다. 빈 행을 지우거나 파일을 나눠 올려 주세요.`,
  );
}
