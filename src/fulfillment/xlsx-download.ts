import { HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { EXPORT_MAX_ROWS } from '../orders/order-export';
import { SheetToWrite, writeXlsx } from '../shared/excel/xlsx-writer';
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
export function downloadName(ascii: string, korean: string, period: { from: string; to: string }) {
  const days = [period.from, period.to]
    .filter((day, i, both) => i === 0 || day !== both[0])
    .map((day) => day.replace(/-/g, ''))
    .join('-');
  return { ascii: `${ascii}-${days}.xlsx`, korean: `${korean}-${days}.xlsx` };
}

export async function sendXlsx(
  res: Response,
  name: { ascii: string; korean: string },
  sheets: SheetToWrite[],
): Promise<void> {
  res.setHeader(
    'Content-Type',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.korean)}`,
  );
  try {
    await writeXlsx({ stream: res, sheets });
  } catch (error) {
    // Headers are gone: cut the download off so no half workbook looks complete.
    res.destroy();
    throw error;
  }
}
