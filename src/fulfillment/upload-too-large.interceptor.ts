import { CallHandler, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { Observable, catchError, throwError } from 'rxjs';
import { megabytes } from '../shared/excel/upload-limits';
import { UploadRejectedError } from '../shared/excel/upload-rejected.error';
import { TRACKING_MAX_BYTES } from './tracking-file';

// Multer stops reading a file at its size limit and says so in English; the clerk is told in
// Korean, on the upload form, like any other refused file.
@Injectable()
export class UploadTooLargeInterceptor implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            error instanceof PayloadTooLargeException
              ? new UploadRejectedError(
                  'FILE_TOO_LARGE',
                  `파일이 너무 큽니다. ${megabytes(TRACKING_MAX_BYTES)} 이하의 파일만 올릴 수 있습니다.`,
                )
              : error,
          ),
        ),
      );
  }
}
