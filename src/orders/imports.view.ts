import type { Channel } from '../generated/prisma/client';
import type { ImportService } from './intake/import.service';
import { PREVIEW_ERRORS_SHOWN } from './intake/import.service';
import type { RowError } from './intake/intake-row';

type Batch = Awaited<ReturnType<ImportService['get']>>;
type RecentBatch = Awaited<ReturnType<ImportService['recent']>>[number];

export const IMPORT_STATUS_LABELS = {
  PREVIEWED: '미리보기',
  COMMITTING: '반영 중',
  COMMITTED: '반영 완료',
  FAILED: '실패',
} as const;

export function importPageModel(channels: Channel[], recent: RecentBatch[]) {
  return {
    title: '주문 가져오기',
    channels,
    form: {},
    errors: {},
    recent: recent.map((b) => ({ ...b, statusLabel: IMPORT_STATUS_LABELS[b.status] })),
  };
}

interface StoredErrors {
  rows?: RowError[];
  unseenListings?: string[];
  truncated?: boolean;
  message?: string;
}

export function importResultModel(batch: Batch) {
  const stored = (batch.errors ?? {}) as StoredErrors;
  const rows = stored.rows ?? [];
  return {
    title: `주문 가져오기 #${batch.id}`,
    batch,
    statusLabel: IMPORT_STATUS_LABELS[batch.status],
    isPreview: batch.status === 'PREVIEWED',
    isRunning: batch.status === 'COMMITTING',
    isDone: batch.status === 'COMMITTED',
    failure: batch.status === 'FAILED' ? (stored.message ?? '반영하지 못했습니다.') : null,
    rows,
    shownErrors: rows.slice(0, PREVIEW_ERRORS_SHOWN),
    moreErrors: Math.max(0, batch.failedCount - PREVIEW_ERRORS_SHOWN),
    truncated: stored.truncated,
    unseenListings: stored.unseenListings ?? [],
  };
}
