import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';
import { megabytes, type UploadLimits } from './upload-limits';
import { UploadRejectedError } from './upload-rejected.error';
import { centralDirectoryStart, hasUnlistedData } from './zip-layout';

const WORKBOOK_PARTS = ['[Content_Types].xml', 'xl/workbook.xml'];

const corrupt = () =>
  new UploadRejectedError(
    'NOT_A_WORKBOOK',
    '파일이 손상되어 열 수 없습니다. 엑셀에서 열어 다시 저장한 뒤 올려 주세요.',
  );

/**
 * Refuses a zip that is not a workbook or would unpack to more than the limits allow, before
 * ExcelJS sees it: ExcelJS writes each worksheet it unpacks to a temporary file.
 */
export async function inspectWorkbookZip(bytes: Buffer, limits: UploadLimits): Promise<void> {
  const zip = await fromBufferPromise(bytes).catch(() => Promise.reject(corrupt()));
  if (zip.entryCount > limits.maxZipEntries) throw unpackedTooLarge(limits);
  const entries = await readEntries(zip);
  if (!WORKBOOK_PARTS.every((part) => entries.some((e) => e.fileName === part))) {
    throw new UploadRejectedError('NOT_A_WORKBOOK', '엑셀 통합 문서(.xlsx)가 아닙니다.');
  }
  const unpacked = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (unpacked > limits.maxUnpackedBytes || unpacked > bytes.length * limits.maxCompressionRatio) {
    throw unpackedTooLarge(limits);
  }
  await assertEveryByteListed(zip, entries, bytes);
  await unpackAll(zip, entries);
}

function unpackedTooLarge(limits: UploadLimits): UploadRejectedError {
  return new UploadRejectedError(
    'UNPACKED_TOO_LARGE',
    `압축을 풀면 ${megabytes(limits.maxUnpackedBytes)}를 넘는 파일이거나 비정상적인 압축 파일입니다. 필요한 시트와 행만 남겨 다시 저장해 올려 주세요.`,
  );
}

async function readEntries(zip: ZipFile): Promise<Entry[]> {
  const entries: Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) entries.push(entry);
  } catch {
    throw corrupt();
  }
  return entries;
}

async function assertEveryByteListed(zip: ZipFile, entries: Entry[], bytes: Buffer) {
  const spans = await Promise.all(
    entries.map(async (e) => {
      const { fileDataStart } = await zip.readLocalFileHeaderPromise(e, { minimal: true });
      return { start: e.relativeOffsetOfLocalHeader, end: fileDataStart + e.compressedSize };
    }),
  ).catch(() => Promise.reject(corrupt()));
  if (hasUnlistedData(spans, centralDirectoryStart(bytes))) throw corrupt();
}

// yauzl fails the stream of any entry that unpacks to more (or less) than its declared size,
// so after this the declared sizes checked above are the real ones.
async function unpackAll(zip: ZipFile, entries: Entry[]): Promise<void> {
  const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  try {
    for (const entry of entries) await pipeline(await zip.openReadStreamPromise(entry), discard());
  } catch {
    throw corrupt();
  }
}
