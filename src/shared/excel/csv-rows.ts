import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { decodeStream } from 'iconv-lite';
import { UploadRejectedError } from './upload-rejected.error';
import type { RawRow } from './raw-row';

export type CsvEncoding = 'utf-8' | 'cp949';

const CHUNK_BYTES = 64 * 1024;

// Korean Excel saves "CSV" in CP949 and "CSV UTF-8" with a BOM; anything that is not valid
// UTF-8 is taken as CP949 (a superset of EUC-KR).
export function detectCsvEncoding(bytes: Buffer): CsvEncoding {
  return isUtf8(bytes) ? 'utf-8' : 'cp949';
}

/** Records of a CSV file; a quoted field may span lines, and the row number counts records. */
export async function* csvRows(bytes: Buffer): AsyncGenerator<RawRow> {
  // iconv-lite drops the byte-order mark while decoding.
  const records = Readable.from(chunks(bytes))
    .pipe(decodeStream(detectCsvEncoding(bytes)))
    .pipe(parse({ relax_column_count: true, relax_quotes: true }));
  let rowNumber = 0;
  try {
    for await (const record of records as AsyncIterable<string[]>) {
      yield { rowNumber: ++rowNumber, cells: record.map((cell) => cell.trim()) };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new UploadRejectedError(
      'MALFORMED_CSV',
      `CSV 파일을 끝까지 읽을 수 없습니다. ${error.lines}번째 줄 근처의 따옴표(")를 확인해 주세요.`,
    );
  }
}

function* chunks(bytes: Buffer): Generator<Buffer> {
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    yield bytes.subarray(start, start + CHUNK_BYTES);
  }
}
