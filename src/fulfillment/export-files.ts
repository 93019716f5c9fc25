// What a fulfillment export file is called and how many rows it may hold.
import { HttpStatus } from '@nestjs/common';
import { EXPORT_MAX_ROWS } from '../orders/order-export';
import type { DownloadName } from '../shared/excel/xlsx-download';
import { DomainError } from '../shared/http/domain-error';

export function refuseTooLarge(count: number): void {
  if (count <= EXPORT_MAX_ROWS) return;
  throw new DomainError(
    'EXPORT_TOO_LARGE',
    `내보낼 항목이 ${EXPORT_MAX_ROWS.toLocaleString('ko-KR')}건을 넘습니다. 기간을 좁혀 주세요.`,
    HttpStatus.UNPROCESSABLE_ENTITY,
  );
}

// The Korean name a browser saves; the ASCII one is for clients that ignore filename*.
export function downloadName(
  ascii: string,
  korean: string,
  period: { from: string; to: string },
): DownloadName {
  const days = [period.from, period.to]
    .filter((day, i, both) => i === 0 || day !== both[0])
    .map((day) => day.replace(/-/g, ''))
    .join('-');
  return { ascii: `${ascii}-${days}.xlsx`, korean: `${korean}-${days}.xlsx` };
}
