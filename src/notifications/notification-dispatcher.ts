import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.provider';
import { PrismaService } from '../database/prisma.service';
import { NotificationSender } from './notification-sender';

const SWEEP = 'notification-sweep';
const SWEEP_BATCH = 100;

// Sends queued messages one after the other, off the request: a slow or failing gateway never
// holds up a status change. Messages queued by a transaction are tried as soon as it commits;
// the periodic sweep picks up what no sender got to (an instance stopped after the commit) and
// failed messages whose backoff has passed. Every instance sweeps; the claim keeps them apart.
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('notifications');
  private readonly queued = new Set<number>();
  private tail: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly sender: NotificationSender,
    private readonly scheduler: SchedulerRegistry,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.notifications.sweepEveryMs;
    if (!every) return;
    const timer = setInterval(() => void this.sweep(), every);
    timer.unref();
    this.scheduler.addInterval(SWEEP, timer);
  }

  // Called inside the writing transaction; the claim waits for it to end (see claimDue).
  sendAfterCommit(id: number): void {
    void this.enqueue([id], null);
  }

  async sweep(now = new Date()): Promise<void> {
    if (this.stopped) return;
    try {
      const due = await this.prisma.notification.findMany({
        where: { nextAttemptAt: { lte: now } },
        orderBy: { nextAttemptAt: 'asc' },
        select: { id: true },
        take: SWEEP_BATCH,
      });
      await this.enqueue(
        due.map((row) => row.id),
        now,
      );
    } catch (error) {
      this.logger.warn({ error }, 'notification sweep failed');
    }
  }

  // Resolves once everything queued so far has been tried.
  async drained(): Promise<void> {
    let tail: Promise<void>;
    do {
      tail = this.tail;
      await tail;
    } while (tail !== this.tail);
  }

  // Lets the message in flight finish before the database connection closes.
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.drained();
  }

  private enqueue(ids: number[], now: Date | null): Promise<void> {
    const fresh = ids.filter((id) => !this.queued.has(id));
    if (this.stopped || !fresh.length) return this.tail;
    for (const id of fresh) this.queued.add(id);
    this.tail = this.tail.then(() => this.sendEach(fresh, now));
    return this.tail;
  }

  private async sendEach(ids: number[], now: Date | null): Promise<void> {
    for (const id of ids) {
      this.queued.delete(id);
      try {
        if (await this.sender.claimDue(id, now ?? new Date())) await this.sender.deliver(id);
      } catch (error) {
        this.logger.warn({ error, notificationId: id }, 'notification not sent; the sweep retries');
      }
    }
  }
}
