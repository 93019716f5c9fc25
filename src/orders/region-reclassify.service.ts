import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { Prisma } from '../generated/prisma/client';
import { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.provider';
import { PrismaService } from '../database/prisma.service';
import { BundlesService } from '../delivery-bundling/bundles.service';
import { PostalRegionService } from '../postal-region/postal-region.service';
import type { RegionLookup } from '../postal-region/region-lookup';
import { InjectRedis } from '../redis/redis.provider';
import type { RequestActor } from '../shared/http/current-actor.decorator';
import { DomainError } from '../shared/http/domain-error';
import { AuditService } from '../users/audit.service';
import { OrderHistoryService } from './order-history.service';
import {
  ItemAddressRow,
  ItemRegion,
  JobMode,
  MoveCount,
  RegionCount,
  RegionMove,
  movesByTarget,
  orderCount,
  regionEvents,
  regionMoves,
  rulesFingerprint,
  tallyMoves,
  topMoves,
} from './region-reclassify';

const { sql, join } = Prisma;

// 5,000 items with their order's address is about a megabyte: memory stays flat however
// many items there are, and a chunk takes well under the lock's lifetime.
const CHUNK = 5_000;
// A chunk may wait on a busy order's row lock (MariaDB gives up after 50 s); its transaction
// is bounded well below the lock's lifetime, so a live job never loses the lock.
const CHUNK_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };
const LOCK_MS = 120_000;
const KEEP_RESULT_MS = 7 * 24 * 3_600_000;
const RESUME_HINT = '다시 실행하면 남은 주문을 이어서 처리합니다.';

// Compare-and-act: only the job holding the lock may write progress, extend or release it,
// so a job that lost its lock can never overwrite the progress of the one that took it.
const SAVE_AND_EXTEND = `if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('pexpire', KEYS[1], ARGV[2])
redis.call('set', KEYS[2], ARGV[3], 'PX', ARGV[4])
return 1`;
const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

const ITEM_ADDRESS = sql`
  SELECT i.id, i.orderId, i.regionSido, i.regionSigungu, o.postalCode, o.address
  FROM OrderItem i JOIN \`Order\` o ON o.id = i.orderId`;

export interface ReclassifyProgress {
  status: 'running' | 'done' | 'failed';
  mode: JobMode;
  processed: number;
  changed: number;
  orders: number;
  total: number;
  moves: MoveCount[];
  rules: string;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  message?: string;
}

export type ReclassifyState = ReclassifyProgress | { status: 'idle' };

interface Job {
  mode: JobMode;
  actor: RequestActor;
  token: string;
  lookup: RegionLookup;
  maxId: number;
  progress: ReclassifyProgress;
}

// Re-derives every item's region with the current rules. One job at a time across all
// instances (a Redis lock kept alive per chunk); progress lives in Redis so any instance
// can answer the page's polling.
@Injectable()
export class RegionReclassifyService implements OnModuleDestroy {
  private readonly logger = new Logger(RegionReclassifyService.name);
  private running: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly postal: PostalRegionService,
    private readonly history: OrderHistoryService,
    private readonly audit: AuditService,
    private readonly bundles: BundlesService,
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  private key(part: 'lock' | 'progress'): string {
    return `${this.config.redis.keyPrefix}region-reclassify:${part}`;
  }

  async overview() {
    const [counts, job, rules] = await Promise.all([this.counts(), this.progress(), this.rules()]);
    return { counts, job, stale: job.status !== 'idle' && job.rules !== rules };
  }

  // One pass over the (regionSido, regionSigungu, lifeDate) index, never the table rows.
  private async counts(): Promise<RegionCount[]> {
    const rows = await this.prisma.$queryRaw<Array<ItemRegion & { items: bigint }>>`
      SELECT regionSido, regionSigungu, COUNT(*) AS items
      FROM OrderItem GROUP BY regionSido, regionSigungu`;
    return rows.map((r) => ({ ...r, items: Number(r.items) }));
  }

  private async rules(): Promise<string> {
    const overrides = await this.postal.listOverrides();
    return rulesFingerprint({ tables: this.postal.tables, overrides });
  }

  async progress(): Promise<ReclassifyState> {
    const [saved, locked] = await Promise.all([
      this.redis.get(this.key('progress')),
      this.redis.exists(this.key('lock')),
    ]);
    if (!saved) return { status: 'idle' };
    const progress = JSON.parse(saved) as ReclassifyProgress;
    // An instance that died mid-job leaves "running" behind; its lock lapses within LOCK_MS.
    if (progress.status === 'running' && !locked) {
      return { ...progress, status: 'failed', message: `작업이 중단되었습니다. ${RESUME_HINT}` };
    }
    return progress;
  }

  async start({ mode, actor }: { mode: JobMode; actor: RequestActor }): Promise<void> {
    const token = randomUUID();
    if (!(await this.redis.set(this.key('lock'), token, 'PX', LOCK_MS, 'NX'))) {
      throw new DomainError(
        'RECLASSIFY_RUNNING',
        '지역 재분류 작업이 이미 진행 중입니다. 끝난 뒤 다시 시도하세요.',
        HttpStatus.CONFLICT,
      );
    }
    try {
      // The fingerprint is read before the lookup: if an override changes in between, the
      // result is flagged as outdated rather than wrongly presented as current.
      const rules = await this.rules();
      const lookup = await this.postal.lookupForBatch();
      const [{ total, maxId }] = await this.prisma.$queryRaw<
        Array<{ total: bigint; maxId: number | null }>
      >`SELECT COUNT(*) AS total, MAX(id) AS maxId FROM OrderItem`;
      const progress: ReclassifyProgress = {
        status: 'running',
        mode,
        processed: 0,
        changed: 0,
        orders: 0,
        total: Number(total),
        moves: [],
        rules,
        startedBy: actor.username,
        startedAt: new Date().toISOString(),
        finishedAt: null,
      };
      await this.save(token, progress);
      // Items added after this point were classified by intake with these same rules.
      const job = { mode, actor, token, lookup, maxId: Number(maxId ?? 0), progress };
      this.running = this.run(job)
        .catch((error: unknown) => this.logger.error(`region reclassify: ${describe(error)}`))
        .finally(() => (this.running = null));
    } catch (error) {
      await this.release(token);
      throw error;
    }
  }

  // Stops between chunks (each chunk is its own transaction), so a deploy never leaves
  // half a chunk behind; the next run finds the rest still to do.
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  private async run(job: Job): Promise<void> {
    const { progress } = job;
    const tally = new Map<string, MoveCount>();
    let afterId = 0;
    try {
      for (;;) {
        if (this.stopping)
          throw new DomainError('STOPPED', `서버 종료로 중단했습니다. ${RESUME_HINT}`);
        const rows = await this.prisma.$queryRaw<ItemAddressRow[]>`${ITEM_ADDRESS}
          WHERE i.id > ${afterId} AND i.id <= ${job.maxId} ORDER BY i.id LIMIT ${CHUNK}`;
        if (!rows.length) break;
        afterId = rows[rows.length - 1].id;
        const planned = regionMoves(rows, job.lookup);
        const moves =
          job.mode === 'apply' && planned.length ? await this.apply(planned, job) : planned;
        progress.processed += rows.length;
        progress.changed += moves.length;
        progress.orders += orderCount(moves);
        tallyMoves(tally, moves);
        progress.moves = topMoves(tally);
        if (!(await this.save(job.token, progress))) {
          throw new DomainError('LOCK_LOST', `작업 잠금이 풀려 중단했습니다. ${RESUME_HINT}`);
        }
      }
      progress.status = 'done';
    } catch (error) {
      progress.status = 'failed';
      progress.message =
        error instanceof DomainError
          ? error.message
          : `재분류 중 오류가 발생했습니다. ${RESUME_HINT}`;
      this.logger.error(`region reclassify stopped: ${describe(error)}`);
    }
    progress.finishedAt = new Date().toISOString();
    await this.save(job.token, progress);
    if (job.mode === 'apply') await this.recordAudit(job);
    await this.release(job.token);
  }

  // The chunk was read without locks; an address edit or an import may have moved an order
  // since. Orders are locked first, in id order, as the address edit does, so the two
  // serialise instead of deadlocking, and the items are re-read under that lock.
  private apply(planned: RegionMove[], job: Job): Promise<RegionMove[]> {
    const orderIds = [...new Set(planned.map((m) => m.orderId))].sort((a, b) => a - b);
    const itemIds = planned.map((m) => m.itemId);
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM \`Order\` WHERE id IN (${join(orderIds)}) ORDER BY id FOR UPDATE`;
      const fresh = await tx.$queryRaw<ItemAddressRow[]>`${ITEM_ADDRESS}
        WHERE i.id IN (${join(itemIds)}) ORDER BY i.id FOR UPDATE`;
      const moves = regionMoves(fresh, job.lookup);
      const now = new Date();
      for (const { to, itemIds: ids } of movesByTarget(moves)) {
        await tx.$executeRaw`UPDATE OrderItem
          SET regionSido = ${to.regionSido}, regionSigungu = ${to.regionSigungu}, updatedAt = ${now}
          WHERE id IN (${join(ids)})`;
      }
      await this.history.record(tx, regionEvents(moves, job.actor.id));
      // The driver's day list groups stops by the region on the bundle.
      await this.bundles.syncOrders(
        moves.map((m) => m.orderId),
        tx,
      );
      return moves;
    }, CHUNK_TRANSACTION);
  }

  // Besides each order's history, one entry for the admin's bulk action, even a failed one:
  // chunks already committed stay applied and must be accounted for.
  private recordAudit({ actor, progress }: Job): Promise<void> {
    const { status, processed, changed, orders, moves } = progress;
    return this.audit.record({
      action: 'REGION_RECLASSIFIED',
      actorId: actor.id,
      username: actor.username,
      ip: actor.ip,
      targetType: 'OrderItem',
      detail: { status, processed, changed, orders, moves: moves.map((m) => ({ ...m })) },
    });
  }

  private async save(token: string, progress: ReclassifyProgress): Promise<boolean> {
    const saved = await this.redis.eval(
      SAVE_AND_EXTEND,
      2,
      this.key('lock'),
      this.key('progress'),
      token,
      LOCK_MS,
      JSON.stringify(progress),
      KEEP_RESULT_MS,
    );
    return saved === 1;
  }

  private async release(token: string): Promise<void> {
    await this.redis.eval(RELEASE_LOCK, 1, this.key('lock'), token);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
