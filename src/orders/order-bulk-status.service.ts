import { Injectable } from '@nestjs/common';
import { ItemStatus } from '../generated/prisma/enums';
import { PrismaErrorCode } from '../database/prisma-error-codes';
import { PrismaService } from '../database/prisma.service';
import { STATUS_LABELS } from './order-status';
import type { Tx } from './order-history.service';
import { OrderStatusService, STATUS_ITEM_SELECT } from './order-status.service';

export type BulkOutcome = 'SUCCESS' | 'REFUSED' | 'ALREADY';

export interface BulkRow {
  itemId: number;
  orderId: number | null;
  externalItemNo: string | null;
  productName: string | null;
  from: ItemStatus | null;
  outcome: BulkOutcome;
  message: string | null;
}

@Injectable()
export class OrderBulkStatusService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly status: OrderStatusService,
  ) {}

  // Each item on its own, never all-or-nothing: one refused item must not hold back the
  // others (a refused or stale item writes nothing, so items can share a transaction). The
  // items of one order share one, so its customer gets one message for them. The version is
  // the one read now, because the list page that sent the ids did not carry versions; a
  // change that lands between this read and the write still loses.
  async apply(itemIds: readonly number[], to: ItemStatus, actorId: number): Promise<BulkRow[]> {
    const ids = [...new Set(itemIds)];
    const orders = await this.prisma.orderItem.findMany({
      where: { id: { in: ids } },
      select: { id: true, orderId: true },
    });
    const orderOf = new Map(orders.map((i) => [i.id, i.orderId]));
    const byOrder = new Map<number | undefined, number[]>();
    // Rows taken in id order: two such changes on one order cannot deadlock each other.
    for (const id of [...ids].sort((a, b) => a - b)) {
      byOrder.set(orderOf.get(id), [...(byOrder.get(orderOf.get(id)) ?? []), id]);
    }
    const rows = new Map<number, BulkRow>();
    // One order after the other: a 500-row batch must not take the whole connection pool.
    for (const group of byOrder.values()) {
      for (const row of await this.applyTogether(group, to, actorId)) rows.set(row.itemId, row);
    }
    return ids.map((id) => rows.get(id)!);
  }

  // A deadlock with another writer rolls the order back; its items are then tried one by one,
  // and an item that loses again is reported as changed by someone else.
  private async applyTogether(
    itemIds: number[],
    to: ItemStatus,
    actorId: number,
  ): Promise<BulkRow[]> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const rows: BulkRow[] = [];
        for (const itemId of itemIds) rows.push(await this.applyOne(tx, itemId, to, actorId));
        return rows;
      });
    } catch (error) {
      if ((error as { code?: string }).code !== PrismaErrorCode.TransactionConflict) throw error;
      if (itemIds.length === 1) return [unreadRow(itemIds[0], 'ALREADY', CHANGED_MEANWHILE)];
      const rows: BulkRow[] = [];
      for (const itemId of itemIds) rows.push(...(await this.applyTogether([itemId], to, actorId)));
      return rows;
    }
  }

  private async applyOne(
    tx: Tx,
    itemId: number,
    to: ItemStatus,
    actorId: number,
  ): Promise<BulkRow> {
    const item = await tx.orderItem.findUnique({
      where: { id: itemId },
      select: STATUS_ITEM_SELECT,
    });
    if (!item) return unreadRow(itemId, 'REFUSED', '주문 항목을 찾을 수 없습니다.');
    const row = {
      itemId,
      orderId: item.orderId,
      externalItemNo: item.externalItemNo,
      productName: item.productName,
      from: item.status,
    };
    if (item.status === to) {
      return { ...row, outcome: 'ALREADY', message: `이미 '${STATUS_LABELS[to]}' 상태입니다.` };
    }
    const outcome = await this.status.apply(tx, item, { to, source: 'USER', actorId });
    if (outcome.kind === 'refused') return { ...row, outcome: 'REFUSED', message: outcome.reason };
    if (outcome.kind === 'stale') {
      return { ...row, outcome: 'ALREADY', message: CHANGED_MEANWHILE };
    }
    return { ...row, outcome: 'SUCCESS', message: null };
  }
}

const CHANGED_MEANWHILE = '다른 사용자가 먼저 변경했습니다.';

// A row for an item this change could not read (gone, or lost to another writer).
function unreadRow(itemId: number, outcome: BulkOutcome, message: string): BulkRow {
  return {
    itemId,
    orderId: null,
    externalItemNo: null,
    productName: null,
    from: null,
    outcome,
    message,
  };
}
