import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.provider';
import { PrismaService } from '../database/prisma.service';
import {
  NOTIFICATION_PROVIDER,
  type NotificationProvider,
  type ProviderResult,
} from './notification-provider';
import { CLAIM_LEASE_MS, nextAttemptAfterFailure } from './notification-retry';

// Claiming is one conditional UPDATE, so of several app instances, sweeps and retry clicks only
// one gets a given attempt; the claim counts the attempt and leases the row for the send.
@Injectable()
export class NotificationSender {
  private readonly logger = new Logger('notifications');

  constructor(
    private readonly prisma: PrismaService,
    @InjectConfig() private readonly config: AppConfig,
    @Inject(NOTIFICATION_PROVIDER) private readonly provider: NotificationProvider,
  ) {}

  // A queued message, or a failed one whose backoff had passed by `dueBy`. On a row that an
  // open transaction is still writing, the UPDATE waits for that transaction: a message goes
  // out only once its status change has committed, and never for one rolled back. The lease
  // runs from the claim itself, not from when the sweep listed the row, and the row reads as
  // waiting (PENDING) while it is out, so a clerk's retry cannot send it a second time.
  async claimDue(id: number, dueBy: Date): Promise<boolean> {
    const { count } = await this.prisma.notification.updateMany({
      where: { id, status: { in: ['PENDING', 'FAILED'] }, nextAttemptAt: { lte: dueBy } },
      data: { status: 'PENDING', attempts: { increment: 1 }, nextAttemptAt: leaseFrom(new Date()) },
    });
    return count === 1;
  }

  // A clerk's retry of a failed message as the page showed it (`attempts`): a second click, or
  // a sweep that got there first, finds the row moved on and claims nothing.
  async claimFailed(id: number, attempts: number): Promise<boolean> {
    const { count } = await this.prisma.notification.updateMany({
      where: { id, status: 'FAILED', attempts },
      data: { status: 'PENDING', attempts: { increment: 1 }, nextAttemptAt: leaseFrom(new Date()) },
    });
    return count === 1;
  }

  // Sends a message this instance has claimed and records how it went.
  async deliver(id: number): Promise<ProviderResult> {
    const row = await this.prisma.notification.findUniqueOrThrow({ where: { id } });
    const result = await this.provider.send({
      id: row.id,
      to: row.recipient,
      event: row.event,
      body: row.body,
    });
    const now = new Date();
    const { count } = await this.prisma.notification.updateMany({
      where: { id, attempts: row.attempts },
      data: {
        provider: this.provider.name,
        status: result.ok ? 'SENT' : 'FAILED',
        providerReply: result.reply,
        ...(result.ok ? { sentAt: now } : {}),
        nextAttemptAt: result.ok
          ? null
          : nextAttemptAfterFailure({
              attempts: row.attempts,
              maxAttempts: this.config.notifications.maxAttempts,
              now,
            }),
      },
    });
    if (!count) {
      this.logger.warn(
        { notificationId: id },
        'send outlasted its lease; another sender took over',
      );
    }
    return result;
  }
}

const leaseFrom = (claimedAt: Date) => new Date(claimedAt.getTime() + CLAIM_LEASE_MS);
