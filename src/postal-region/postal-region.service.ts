import { HttpStatus, Injectable, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.provider';
import { PrismaService } from '../database/prisma.service';
import { InjectRedis } from '../redis/redis.provider';
import { DomainError, FormValidationError } from '../shared/http/domain-error';
import { AuditService } from '../users/audit.service';
import { OverrideInput, toRegionOverride, validateOverride } from './postal-overrides';
import { RegionLookup, RegionLookupInput, createRegionLookup } from './region-lookup';
import { loadRegionTables } from './region-tables';
import type { RegionResult, RegionTables } from './region-types';

const describe = (row: { sido: string; sigungu: string; gu: string | null }) => ({
  sido: row.sido,
  sigungu: row.sigungu,
  gu: row.gu,
});

export interface Actor {
  id: number;
  username: string;
  ip?: string;
}

@Injectable()
export class PostalRegionService implements OnModuleInit {
  readonly tables: RegionTables = loadRegionTables();
  private readonly base: RegionLookup = createRegionLookup({ tables: this.tables });
  private current: RegionLookup = this.base;
  private loadedVersion: string | null = null;

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  private get versionKey(): string {
    return `${this.config.redis.keyPrefix}postal-overrides:version`;
  }

  async onModuleInit(): Promise<void> {
    await this.lookupForBatch();
  }

  // The tables are compiled once; overrides live in the database and may be changed on any
  // instance, so one Redis GET per batch (not per row) tells whether to reload them.
  async lookupForBatch(): Promise<RegionLookup> {
    const version = (await this.redis.get(this.versionKey)) ?? '0';
    if (version !== this.loadedVersion) {
      const rows = await this.prisma.postalOverride.findMany();
      this.current = this.base.withOverrides(
        new Map(rows.map((r) => [r.postalCode, toRegionOverride(r)])),
      );
      this.loadedVersion = version;
    }
    return this.current;
  }

  async classify(input: RegionLookupInput): Promise<RegionResult> {
    return (await this.lookupForBatch()).lookup(input);
  }

  listOverrides() {
    return this.prisma.postalOverride.findMany({
      orderBy: { postalCode: 'asc' },
      include: { createdBy: { select: { username: true } } },
    });
  }

  async addOverride(input: OverrideInput & { reason: string }, actor: Actor) {
    const errors = validateOverride(input, this.tables);
    if (!input.reason.trim()) errors.reason = '사유를 입력하세요.';
    if (Object.keys(errors).length) throw new FormValidationError(errors);
    const data = {
      sido: input.sido,
      sigungu: input.sigungu,
      gu: input.gu || null,
      reason: input.reason.trim(),
    };
    const before = await this.prisma.postalOverride.findUnique({
      where: { postalCode: input.postalCode },
    });
    const saved = await this.prisma.postalOverride.upsert({
      where: { postalCode: input.postalCode },
      update: { ...data, createdById: actor.id },
      create: { ...data, postalCode: input.postalCode, createdById: actor.id },
    });
    await this.changed();
    await this.audit.record({
      action: 'POSTAL_OVERRIDE_SET',
      actorId: actor.id,
      username: actor.username,
      ip: actor.ip,
      targetType: 'PostalOverride',
      targetId: saved.postalCode,
      detail: {
        before: before ? describe(before) : null,
        after: describe(saved),
        reason: data.reason,
      },
    });
    return saved;
  }

  async removeOverride(id: number, reason: string, actor: Actor): Promise<void> {
    if (!reason.trim()) throw new DomainError('REASON_REQUIRED', '삭제 사유를 입력하세요.');
    const existing = await this.prisma.postalOverride.findUnique({ where: { id } });
    if (!existing)
      throw new DomainError('OVERRIDE_GONE', '이미 삭제된 예외 규칙입니다.', HttpStatus.CONFLICT);
    await this.prisma.postalOverride.delete({ where: { id } });
    await this.changed();
    await this.audit.record({
      action: 'POSTAL_OVERRIDE_REMOVED',
      actorId: actor.id,
      username: actor.username,
      ip: actor.ip,
      targetType: 'PostalOverride',
      targetId: existing.postalCode,
      detail: { removed: describe(existing), reason: reason.trim() },
    });
  }

  private async changed(): Promise<void> {
    await this.redis.incr(this.versionKey);
  }
}
