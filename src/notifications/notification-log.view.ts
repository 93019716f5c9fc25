import type { Notification, NotificationStatus } from '../generated/prisma/client';
import type { Flash } from '../auth/session-user';
import { buildPagination, hrefWith } from '../shared/views/pagination';
import { LOG_PATH, NotificationLogQuery } from './dto/notification-log.forms';
import { eventLabel } from './notification-events';
import { NOTIFICATION_PAGE_SIZE, RetryOutcome } from './notification-log.service';

export const LOG_TITLE = '알림 발송 기록';

const STATUS_VIEW: Record<NotificationStatus, { label: string; tone: string }> = {
  PENDING: { label: '대기', tone: 'secondary' },
  SENT: { label: '발송됨', tone: 'success' },
  FAILED: { label: '실패', tone: 'danger' },
};

// The provider as the office knows it; with the default one nothing leaves the building, so
// its rows must not read as sent.
const PROVIDER_LABELS: Record<string, string> = {
  log: '기록만 (발송 안 함)',
  http: '문자 게이트웨이',
};
const RECORDED_ONLY = { label: '기록됨', tone: 'secondary' };

const statusView = (row: Notification) =>
  row.status === 'SENT' && row.provider === 'log' ? RECORDED_ONLY : STATUS_VIEW[row.status];

type LogRow = Notification & { item: { orderId: number } | null };

export function toNotificationLogPage(params: {
  rows: LogRow[];
  total: number;
  query: NotificationLogQuery;
}) {
  const { rows, total, query } = params;
  const filter = { status: query.status };
  return {
    title: LOG_TITLE,
    status: query.status,
    statuses: Object.entries(STATUS_VIEW).map(([value, { label }]) => ({ value, label })),
    returnTo: hrefWith(LOG_PATH, { ...filter, page: query.page > 1 ? query.page : undefined }, {}),
    rows: rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
      recipient: row.recipient,
      eventLabel: eventLabel(row.event),
      body: row.body,
      provider: PROVIDER_LABELS[row.provider] ?? row.provider,
      statusLabel: statusView(row).label,
      statusTone: statusView(row).tone,
      status: row.status,
      attempts: row.attempts,
      nextAttemptAt: row.status === 'FAILED' ? row.nextAttemptAt : null,
      providerReply: row.providerReply,
      orderId: row.item?.orderId ?? null,
      canRetry: row.status === 'FAILED',
    })),
    pagination: buildPagination({
      path: LOG_PATH,
      query: filter,
      page: query.page,
      pageSize: NOTIFICATION_PAGE_SIZE,
      total,
    }),
  };
}

export function retryFlash(outcome: RetryOutcome): Flash {
  switch (outcome.kind) {
    case 'sent':
      return { type: 'success', message: '알림을 다시 보냈습니다.' };
    case 'failed':
      return { type: 'danger', message: `다시 보내지 못했습니다: ${outcome.reply}` };
    case 'already-sent':
      return { type: 'info', message: '이미 발송된 알림입니다. 다시 보내지 않았습니다.' };
    case 'changed':
      return {
        type: 'warning',
        message: '그사이 이 알림을 다시 보내는 중이거나 보냈습니다. 목록을 새로고침해 확인하세요.',
      };
  }
}
