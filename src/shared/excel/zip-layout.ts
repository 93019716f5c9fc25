// Helpers for spotting data that a central-directory reader (yauzl) would never look at but a
// front-to-back reader would: ExcelJS unpacks with unzipper, which walks the local headers.

export interface EntrySpan {
  /** Offset of the entry's local header. */
  start: number;
  /** End of its compressed data. */
  end: number;
}

// An entry whose sizes were unknown when it was written is followed by a data descriptor:
// CRC and sizes (8-byte sizes in zip64), with or without its optional signature.
const MAX_DESCRIPTOR_BYTES = 24;
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const ZIP64_LOCATOR_BYTES = 20;

export function hasUnlistedData(spans: EntrySpan[], centralDirectoryStart: number): boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let cursor = 0;
  for (const [i, span] of sorted.entries()) {
    const gap = span.start - cursor;
    if (gap < 0 || gap > (i === 0 ? 0 : MAX_DESCRIPTOR_BYTES)) return true;
    cursor = span.end;
  }
  const tail = centralDirectoryStart - cursor;
  return tail < 0 || tail > MAX_DESCRIPTOR_BYTES;
}

/** Where the central directory starts; call only on a zip that yauzl has already opened. */
export function centralDirectoryStart(zip: Buffer): number {
  const eocd = findEndOfCentralDirectory(zip);
  const offset = zip.readUInt32LE(eocd + 16);
  if (offset !== 0xffffffff) return offset;
  const zip64Record = Number(zip.readBigUInt64LE(eocd - ZIP64_LOCATOR_BYTES + 8));
  return Number(zip.readBigUInt64LE(zip64Record + 48));
}

// Scanning backwards, and checking the comment length, skips a signature inside the comment.
function findEndOfCentralDirectory(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - EOCD_BYTES - MAX_COMMENT_BYTES);
  for (let i = zip.length - EOCD_BYTES; i >= earliest; i--) {
    if (zip.readUInt32LE(i) !== EOCD_SIGNATURE) continue;
    if (i + EOCD_BYTES + zip.readUInt16LE(i + 20) === zip.length) return i;
  }
  throw new Error('end of central directory not found');
}
