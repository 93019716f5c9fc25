import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.provider';
import { InjectRedis } from '../../redis/redis.provider';
import type { InspectedUpload } from '../../shared/excel/upload-guard';

const KEEP_MS = 2 * 3_600_000;
// A commit renews its heartbeat well within this; a key gone means its instance stopped.
const HEARTBEAT_MS = 60_000;
export const HEARTBEAT_EVERY_MS = 15_000;

// The checked (and, if it had a password, decrypted) workbook between preview and commit,
// in Redis so the commit may land on any app instance; the password itself is never kept.
@Injectable()
export class ImportStore {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  private key(batchId: number, part: string) {
    return `${this.config.redis.keyPrefix}import:${batchId}:${part}`;
  }

  async keep(batchId: number, workbook: InspectedUpload, planHash: string): Promise<void> {
    await this.redis
      .multi()
      .set(this.key(batchId, 'file'), workbook.bytes, 'PX', KEEP_MS)
      .set(
        this.key(batchId, 'meta'),
        JSON.stringify({ kind: workbook.kind, planHash }),
        'PX',
        KEEP_MS,
      )
      .exec();
  }

  async take(batchId: number): Promise<{ workbook: InspectedUpload; planHash: string } | null> {
    const [bytes, meta] = await Promise.all([
      this.redis.getBuffer(this.key(batchId, 'file')),
      this.redis.get(this.key(batchId, 'meta')),
    ]);
    if (!bytes || !meta) return null;
    const { kind, planHash } = JSON.parse(meta) as {
      kind: InspectedUpload['kind'];
      planHash: string;
    };
    return { workbook: { kind, bytes }, planHash };
  }

  async forget(batchId: number): Promise<void> {
    await this.redis.del(this.key(batchId, 'file'), this.key(batchId, 'meta'));
  }

  async setProgress(batchId: number, rows: number): Promise<void> {
    await this.redis.set(this.key(batchId, 'progress'), String(rows), 'PX', KEEP_MS);
  }

  async beat(batchId: number): Promise<void> {
    await this.redis.set(this.key(batchId, 'alive'), '1', 'PX', HEARTBEAT_MS);
  }

  async isAlive(batchId: number): Promise<boolean> {
    return (await this.redis.exists(this.key(batchId, 'alive'))) === 1;
  }

  async progress(batchId: number): Promise<number> {
    return Number((await this.redis.get(this.key(batchId, 'progress'))) ?? 0);
  }
}
