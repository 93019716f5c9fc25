import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { AUDIT_ACTIONS, AuditAction } from './audit-actions';

export interface AuditEntry {
  action: AuditAction;
  actorId?: number | null;
  username?: string | null;
  targetType?: string;
  targetId?: string | number;
  ip?: string;
  detail?: Prisma.InputJsonValue;
}

export const AUDIT_PAGE_SIZE = 50;

@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.prisma.auditLog.create({
      data: {
        action: entry.action,
        actorId: entry.actorId ?? null,
        username: entry.username?.slice(0, 50) ?? null,
        targetType: entry.targetType,
        targetId: entry.targetId === undefined ? undefined : String(entry.targetId),
        ip: entry.ip,
        detail: entry.detail,
      },
    });
  }

  async list(params: { action?: AuditAction; page: number }) {
    const where = params.action ? { action: params.action } : {};
    const [rows, total] = await Promise.all([
      this.prisma.auditLog.findMany({
        where,
        orderBy: { at: 'desc' },
        skip: (params.page - 1) * AUDIT_PAGE_SIZE,
        take: AUDIT_PAGE_SIZE,
      }),
      this.prisma.auditLog.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((r) => ({
        ...r,
        actionLabel: AUDIT_ACTIONS[r.action as AuditAction] ?? r.action,
      })),
    };
  }
}
