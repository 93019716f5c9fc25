import { once, type EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Worksheet } from 'exceljs';

// Fields ExcelJS 4.4 sets at run time but leaves out of its typings: the sheet's XML goes
// through `stream` into the queue archiver keeps in front of its deflater.
interface WorksheetInternals {
  stream?: { pipes?: Array<EventEmitter & { _writableState?: { needDrain?: boolean } }> };
}

// ExcelJS pushes committed rows into that queue without heeding back-pressure, so a fast row
// source would hold the whole uncompressed sheet in memory; waiting for the queue to drain
// keeps memory flat. A slow reader of the output (a download) holds us back in turn, and one
// who hangs up stops us.
export async function letZipCatchUp(worksheet: Worksheet, stream: Writable): Promise<void> {
  if (stream.destroyed) throw new Error('export stream closed before the workbook was complete');
  const blocked = backedUp(worksheet, stream);
  if (!blocked) return nextTurn();
  const stop = new AbortController();
  const { signal } = stop;
  try {
    await Promise.race([once(blocked, 'drain', { signal }), once(stream, 'close', { signal })]);
  } finally {
    stop.abort();
  }
}

function backedUp(worksheet: Worksheet, stream: Writable): EventEmitter | undefined {
  const zipQueue = (worksheet as unknown as WorksheetInternals).stream?.pipes?.[0];
  if (zipQueue?._writableState?.needDrain) return zipQueue;
  return stream.writableNeedDrain ? stream : undefined;
}
