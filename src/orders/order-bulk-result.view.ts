import { ItemStatus } from '../generated/prisma/enums';
import type { BulkOutcome, BulkRow } from './order-bulk-status.service';
import { STATUS_LABELS } from './order-status';

const OUTCOMES: Record<BulkOutcome, { label: string; tone: string }> = {
  SUCCESS: { label: '성공', tone: 'success' },
  REFUSED: { label: '변경 불가', tone: 'danger' },
  ALREADY: { label: '이미 변경됨', tone: 'secondary' },
};

export const BULK_RESULT_TITLE = '일괄 상태 변경 결과';

export function toBulkResultPage(rows: readonly BulkRow[], to: ItemStatus, returnTo?: string) {
  const count = (outcome: BulkOutcome) => rows.filter((row) => row.outcome === outcome).length;
  return {
    title: BULK_RESULT_TITLE,
    toLabel: STATUS_LABELS[to],
    counts: { success: count('SUCCESS'), refused: count('REFUSED'), already: count('ALREADY') },
    rows: rows.map((row) => ({
      ...row,
      fromLabel: row.from ? STATUS_LABELS[row.from] : '',
      outcomeLabel: OUTCOMES[row.outcome].label,
      tone: OUTCOMES[row.outcome].tone,
    })),
    returnTo: returnTo ?? '/orders',
  };
}
