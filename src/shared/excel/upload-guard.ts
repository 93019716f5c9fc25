import { detectSignature } from './file-signature';
import { classifyCompoundFile, decryptWorkbook } from './office-encryption';
import { megabytes, uploadLimits, type UploadLimits } from './upload-limits';
import { UploadRejectedError } from './upload-rejected.error';
import { inspectWorkbookZip } from './zip-inspection';

export interface UploadToInspect {
  bytes: Buffer;
  fileName: string;
  password?: string;
  limits?: Partial<UploadLimits>;
}

export interface InspectedUpload {
  kind: 'xlsx' | 'csv';
  /** The workbook itself: decrypted when the upload was password-protected. */
  bytes: Buffer;
}

/** Decides what an uploaded file is from its bytes (never its name) and refuses anything unsafe. */
export async function inspectUpload(upload: UploadToInspect): Promise<InspectedUpload> {
  const { bytes, fileName, password } = upload;
  const limits = uploadLimits(upload.limits);
  if (bytes.length > limits.maxFileBytes) {
    throw new UploadRejectedError(
      'FILE_TOO_LARGE',
      `파일이 너무 큽니다. ${megabytes(limits.maxFileBytes)} 이하의 파일만 올릴 수 있습니다.`,
    );
  }
  const signature = detectSignature(bytes);
  switch (signature.kind) {
    case 'zip':
      await inspectWorkbookZip(bytes, limits);
      return { kind: 'xlsx', bytes };
    case 'text':
      return { kind: 'csv', bytes };
    case 'cfb':
      return openCompoundFile(bytes, fileName, password, limits);
    case 'empty':
      throw new UploadRejectedError('NOT_A_WORKBOOK', `'${fileName}' 파일이 비어 있습니다.`);
    case 'other':
      throw notAWorkbook(fileName, signature.label);
  }
}

async function openCompoundFile(
  bytes: Buffer,
  fileName: string,
  password: string | undefined,
  limits: UploadLimits,
): Promise<InspectedUpload> {
  const kind = classifyCompoundFile(bytes);
  if (kind === 'legacy-excel') {
    throw new UploadRejectedError(
      'NOT_SUPPORTED',
      '예전 형식(.xls)은 지원하지 않습니다. .xlsx로 저장해 올려 주세요.',
    );
  }
  if (kind === 'other') throw notAWorkbook(fileName);
  const decrypted = await decryptWorkbook(bytes, password);
  if (detectSignature(decrypted).kind !== 'zip') throw notAWorkbook(fileName);
  await inspectWorkbookZip(decrypted, limits);
  return { kind: 'xlsx', bytes: decrypted };
}

function notAWorkbook(fileName: string, label?: string): UploadRejectedError {
  const what = label ? `${label} 파일입니다` : '엑셀(.xlsx)이나 CSV 파일이 아닙니다';
  return new UploadRejectedError(
    'NOT_A_WORKBOOK',
    `'${fileName}' 파일은 ${what}. 엑셀(.xlsx) 또는 CSV 파일을 올려 주세요.`,
  );
}
