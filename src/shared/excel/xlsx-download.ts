import type { Response } from 'express';
import { SheetToWrite, writeXlsx } from './xlsx-writer';

export interface DownloadName {
  /** For clients that ignore filename*. */
  ascii: string;
  /** What a browser saves. */
  korean: string;
}

// A workbook streamed to the browser as a download.
export async function sendXlsx(
  res: Response,
  name: DownloadName,
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
