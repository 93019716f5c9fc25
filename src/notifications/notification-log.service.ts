import { Injectable, NotFoundException } from '@nestjs/common';
import type { NotificationStatus } from '../generated/prisma/enums';
import { PrismaService } from '../database/prisma.service';
import { NotificationSender } from './notification-sender';

export const NOTIFICATION_PAGE_SIZE = 50;

export type RetryOutcome =
  | { kind: 'sent' }
  | { kind: 'failed'; reply: string }
  | { kind: 'already-sent' }
  | { kind: 'changed' };

@Injectable()
export class NotificationLogService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sender: NotificationSender,
  ) {}

  // Newest first, on the (status, createdAt) and (createdAt) indexes.
  async list(params: { status?: NotificationStatus; page: number }) {
    const where = params.status ? { status: params.status } : {};
    const [rows, total] = await Promise.all([
      this.prisma.notification.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        skip: (params.page - 1) * NOTIFICATION_PAGE_SIZE,
        take: NOTIFICATION_PAGE_SIZE,
        include: { item: { select: { orderId: true } } },
      }),
      this.prisma.notification.count({ where }),
    ]);
    return { rows, total };
  }

  // Sent while the clerk waits, so the page can say how it went.
  async retry(id: number, attempts: number): Promise<RetryOutcome> {
    const claimed = await this.sender.claimFailed(id, attempts);
    if (!claimed) {
      const row = await this.prisma.notification.findUnique({
        where: { id },
        select: { status: true },
      });
      if (!row) throw new NotFoundException();
      return row.status === 'SENT' ? { kind: 'already-sent' } : { kind: 'changed' };
    }
    const result = await this.sender.deliver(id);
    return result.ok ? { kind: 'sent' } : { kind: 'failed', reply: result.reply };
  }
}
