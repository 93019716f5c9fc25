import { Injectable } from '@nestjs/common';
import { ItemStatus } from '../generated/prisma/enums';
import { PrismaService } from '../database/prisma.service';
import { STATUS_LABELS } from './order-status';

// What waits for the desk, shown on the dashboard: each number links to the list filtered
// the same way, so a clerk starts the day from it.
const WORK_QUEUES: Array<{ status: ItemStatus; label: string }> = [
  { status: 'NEW', label: STATUS_LABELS.NEW },
  { status: 'CONFIRMED', label: STATUS_LABELS.CONFIRMED },
  { status: 'PREPARING', label: STATUS_LABELS.PREPARING },
  { status: 'CANCEL_REQUESTED', label: STATUS_LABELS.CANCEL_REQUESTED },
  { status: 'RETURN_REQUESTED', label: STATUS_LABELS.RETURN_REQUESTED },
  { status: 'EXCHANGE_REQUESTED', label: STATUS_LABELS.EXCHANGE_REQUESTED },
];

@Injectable()
export class OrderDeskSummaryService {
  constructor(private readonly prisma: PrismaService) {}

  async queues() {
    // One COUNT per status, each answered from the (status, lifeDate) index.
    const counts = await Promise.all(
      WORK_QUEUES.map((q) => this.prisma.orderItem.count({ where: { status: q.status } })),
    );
    const needsReview = await this.prisma.orderItem.count({ where: { needsReview: true } });
    return [
      ...WORK_QUEUES.map((q, i) => ({
        ...q,
        count: counts[i],
        href: `/orders?status=${q.status}`,
      })),
      { status: 'REVIEW', label: '상품 연결 검토', count: needsReview, href: '/orders?review=1' },
    ];
  }
}
