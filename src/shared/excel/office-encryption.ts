import { decrypt } from 'officecrypto-tool';
import { UploadRejectedError } from './upload-rejected.error';

export type CompoundFileKind = 'encrypted-ooxml' | 'legacy-excel' | 'other';

// Compound-file directory entries are 128 bytes, aligned to 128 from the file start, and begin
// with the UTF-16LE stream name; its byte length (with the terminator) sits at offset 64.
const DIRECTORY_ENTRY_BYTES = 128;
const NAME_LENGTH_OFFSET = 64;

export function classifyCompoundFile(bytes: Buffer): CompoundFileKind {
  if (hasStream(bytes, 'EncryptedPackage')) return 'encrypted-ooxml';
  if (hasStream(bytes, 'Workbook') || hasStream(bytes, 'Book')) return 'legacy-excel';
  return 'other';
}

function hasStream(bytes: Buffer, name: string): boolean {
  const needle = Buffer.from(`${name}\0`, 'utf16le');
  for (let i = bytes.indexOf(needle); i !== -1; i = bytes.indexOf(needle, i + 1)) {
    const aligned = i % DIRECTORY_ENTRY_BYTES === 0 && i + NAME_LENGTH_OFFSET + 2 <= bytes.length;
    if (aligned && bytes.readUInt16LE(i + NAME_LENGTH_OFFSET) === needle.length) return true;
  }
  return false;
}

/** Decrypts a password-protected .xlsx (ECMA-376 agile or standard encryption) in memory. */
export async function decryptWorkbook(
  bytes: Buffer,
  password: string | undefined,
): Promise<Buffer> {
  if (!password) {
    throw new UploadRejectedError(
      'PASSWORD_REQUIRED',
      '암호가 걸린 파일입니다. 암호를 입력하세요.',
    );
  }
  try {
    return await decrypt(bytes, { password });
  } catch (error) {
    // officecrypto-tool tells a wrong password apart only by its message.
    if (error instanceof Error && /password is incorrect/i.test(error.message)) {
      throw new UploadRejectedError('WRONG_PASSWORD', '파일 암호가 맞지 않습니다.');
    }
    throw new UploadRejectedError(
      'NOT_A_WORKBOOK',
      '암호를 풀 수 없는 파일입니다. 엑셀에서 암호를 해제해 저장한 뒤 올려 주세요.',
    );
  }
}
