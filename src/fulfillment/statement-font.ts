import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

const padded = (length: number) => (length + 3) & ~3;

// WOFF 1.0 is a plain font (sfnt) with each table zlib-compressed. pdfkit's font reader
// inflates a WOFF table in JavaScript every time it reads it, which costs seconds per
// statement for a Korean font; inflated once here, the font is read like any TrueType file.
export function sfntFromWoff(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 font');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = WOFF_HEADER + i * WOFF_ENTRY;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error('WOFF table length mismatch');
    return { tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data };
  });
  const power = 2 ** Math.floor(Math.log2(numTables));
  const head = Buffer.alloc(SFNT_HEADER + numTables * SFNT_ENTRY);
  head.writeUInt32BE(flavor, 0);
  head.writeUInt16BE(numTables, 4);
  head.writeUInt16BE(power * 16, 6);
  head.writeUInt16BE(Math.log2(power), 8);
  head.writeUInt16BE(numTables * 16 - power * 16, 10);
  let offset = head.length;
  const bodies: Buffer[] = [];
  // WOFF keeps the directory sorted by tag, as sfnt requires.
  tables.forEach((table, i) => {
    const at = SFNT_HEADER + i * SFNT_ENTRY;
    head.writeUInt32BE(table.tag, at);
    head.writeUInt32BE(table.checksum, at + 4);
    head.writeUInt32BE(offset, at + 8);
    head.writeUInt32BE(table.data.length, at + 12);
    const body = Buffer.alloc(padded(table.data.length));
    table.data.copy(body);
    bodies.push(body);
    offset += body.length;
  });
  return Buffer.concat([head, ...bodies]);
}

// Noto Sans KR from @fontsource (already a dependency): its "korean" file holds every Hangul
// syllable and ASCII in one font; ₩ lives in its latin-ext file.
const FONT_FILES = {
  regular: 'noto-sans-kr-korean-400-normal.woff',
  bold: 'noto-sans-kr-korean-700-normal.woff',
  sign: 'noto-sans-kr-latin-ext-400-normal.woff',
  signBold: 'noto-sans-kr-latin-ext-700-normal.woff',
} as const;

export type StatementFontName = keyof typeof FONT_FILES;

let loaded: Record<StatementFontName, Buffer> | undefined;

// Read and inflated on the first statement, then kept for the life of the process (about 5 MB).
export function statementFonts(): Record<StatementFontName, Buffer> {
  loaded ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [
      name,
      sfntFromWoff(readFileSync(require.resolve(`@fontsource/noto-sans-kr/files/${file}`))),
    ]),
  ) as Record<StatementFontName, Buffer>;
  return loaded;
}
