export type FileSignature =
  | { kind: 'zip' }
  | { kind: 'cfb' }
  | { kind: 'text' }
  | { kind: 'empty' }
  | { kind: 'other'; label?: string };

const ZIP = Buffer.from('PK\x03\x04', 'latin1');
// Compound File Binary: the container of .xls and of password-protected .xlsx alike.
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

// Files clerks pick by mistake, named so the message can say what was picked.
const KNOWN_OTHERS: Array<{ magic: Buffer; label: string }> = [
  { magic: Buffer.from('%PDF-', 'latin1'), label: 'PDF' },
  { magic: Buffer.from([0x89, 0x50, 0x4e, 0x47]), label: 'PNG 이미지' },
  { magic: Buffer.from([0xff, 0xd8, 0xff]), label: 'JPEG 이미지' },
  { magic: Buffer.from('GIF8', 'latin1'), label: 'GIF 이미지' },
];

const TEXT_SAMPLE_BYTES = 64 * 1024;

export function detectSignature(bytes: Buffer): FileSignature {
  if (bytes.length === 0) return { kind: 'empty' };
  if (startsWith(bytes, ZIP)) return { kind: 'zip' };
  if (startsWith(bytes, CFB)) return { kind: 'cfb' };
  const known = KNOWN_OTHERS.find((k) => startsWith(bytes, k.magic));
  if (known) return { kind: 'other', label: known.label };
  if (!looksLikeText(bytes.subarray(0, TEXT_SAMPLE_BYTES))) return { kind: 'other' };
  // Many web back offices hand out an HTML table named .xls; CSV never starts with markup.
  return startsWithMarkup(bytes) ? { kind: 'other', label: '웹 페이지(HTML)' } : { kind: 'text' };
}

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}

function startsWithMarkup(bytes: Buffer): boolean {
  // trimStart() also drops a byte-order mark.
  return bytes.subarray(0, 1024).toString('utf8').trimStart().startsWith('<');
}

// Any control byte other than tab, newline, vertical tab, form feed and carriage return marks
// binary data; UTF-8 and CP949 both keep every multi-byte unit at 0x80 and above.
function looksLikeText(sample: Buffer): boolean {
  return !sample.some((b) => b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f);
}
