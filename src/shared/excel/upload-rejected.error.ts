import { DomainError } from '../http/domain-error';

export type UploadRejectionCode =
  | 'FILE_TOO_LARGE'
  | 'NOT_A_WORKBOOK'
  | 'NOT_SUPPORTED'
  | 'PASSWORD_REQUIRED'
  | 'WRONG_PASSWORD'
  | 'UNPACKED_TOO_LARGE'
  | 'MALFORMED_CSV'
  | 'TOO_MANY_ROWS';

// An uploaded file was refused before any of its rows were used; the message tells the clerk
// what to do with the file (Korean, shown as is).
export class UploadRejectedError extends DomainError {
  constructor(
    override readonly code: UploadRejectionCode,
    message: string,
  ) {
    super(code, message);
    this.name = 'UploadRejectedError';
  }
}
