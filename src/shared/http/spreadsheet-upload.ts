import {
  CallHandler,
  NestInterceptor,
  PayloadTooLargeException,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable, catchError, throwError } from 'rxjs';
import { DEFAULT_UPLOAD_LIMITS, megabytes } from '../excel/upload-limits';
import { UploadRejectedError } from '../excel/upload-rejected.error';
import { DomainError } from './domain-error';

// Multer stops reading a file at its size limit and says so in English; the clerk is told in
// Korean, on the upload form, like any other refused file.
class FileTooLargeInKorean implements NestInterceptor {
  constructor(private readonly maxBytes: number) {}

  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            error instanceof PayloadTooLargeException
              ? new UploadRejectedError(
                  'FILE_TOO_LARGE',
                  `파일이 너무 큽니다. ${megabytes(this.maxBytes)} 이하의 파일만 올릴 수 있습니다.`,
                )
              : error,
          ),
        ),
      );
  }
}

/**
 * A spreadsheet sent as the multipart field `file`, at most `maxBytes`. Multipart forms send
 * their CSRF token in the x-csrf-token header (see public/js/app.js).
 */
export function SpreadsheetUpload(maxBytes = DEFAULT_UPLOAD_LIMITS.maxFileBytes) {
  return UseInterceptors(
    new FileTooLargeInKorean(maxBytes),
    FileInterceptor('file', { limits: { fileSize: maxBytes, files: 1 } }),
  );
}

/** The uploaded bytes and the file's name as the clerk sees it; refuses a missing file. */
export function uploadedSpreadsheet(
  file: Express.Multer.File | undefined,
  missing = '올릴 파일을 선택하세요.',
): { bytes: Buffer; fileName: string } {
  if (!file?.size) throw new DomainError('NO_FILE', missing);
  // Multer reads the name as Latin-1; browsers send it as UTF-8.
  return {
    bytes: file.buffer,
    fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'),
  };
}
