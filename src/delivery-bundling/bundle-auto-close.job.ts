import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.provider';
import type { AppConfig } from '../config/app-config';
import { PrismaService } from '../database/prisma.service';
import { REDIS } from '../redis/redis.provider';
import { BundlesRepository } from './bundles.repository';

const JOB = 'bundle-auto-close';

// Open bundles with no activity for the quiet time close by themselves, so a later arrival
// starts a new stop (flagged to the clerk) instead of riding on a stop long planned. Every
// instance schedules the check; a Redis lock held for most of the period lets one run it.
@Injectable()
export class BundleAutoCloseJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(JOB);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly prisma: PrismaService,
    private readonly repo: BundlesRepository,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.bundleAutoClose.checkEveryMs;
    if (!every) return;
    const timer = setInterval(() => {
      this.runOnce().catch((error: unknown) => this.logger.warn({ error }, 'auto-close failed'));
    }, every);
    timer.unref();
    this.scheduler.addInterval(JOB, timer);
  }

  // Returns how many bundles closed, or null when another instance holds this period's turn.
  async runOnce(now = new Date()): Promise<number | null> {
    const { quietMs, checkEveryMs } = this.config.bundleAutoClose;
    const turn = Math.max(Math.floor((checkEveryMs || 60_000) * 0.9), 1_000);
    const key = `${this.config.redis.keyPrefix}${JOB}:lock`;
    if (!(await this.redis.set(key, String(process.pid), 'PX', turn, 'NX'))) return null;
    const closed = await this.repo.closeQuiet(this.prisma, {
      quietSince: new Date(now.getTime() - quietMs),
      now,
    });
    if (closed) this.logger.log({ closed }, 'quiet bundles closed');
    return closed;
  }
}
