import { Injectable } from '@nestjs/common';
import { ItemStatus } from '../generated/prisma/enums';
import { PrismaService } from '../database/prisma.service';
import { STATUS_LABELS } from './order-status';
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
  // others. The version is the one read now, because the list page that sent the ids did
  // not carry versions; a change that lands between this read and the write still loses.
  async apply(itemIds: readonly number[], to: ItemStatus, actorId: number): Promise<BulkRow[]> {
    const rows: BulkRow[] = [];
    // One after the other: a 500-row batch must not take the whole connection pool.
    for (const itemId of new Set(itemIds)) rows.push(await this.applyOne(itemId, to, actorId));
    return rows;
  }

  private applyOne(itemId: number, to: ItemStatus, actorId: number): Promise<BulkRow> {
    return this.prisma.$transaction(async (tx) => {
      const item = await tx.orderItem.findUnique({
        where: { id: itemId },
        select: STATUS_ITEM_SELECT,
      });
      if (!item) return missingRow(itemId);
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
      if (outcome.kind === 'refused')
        return { ...row, outcome: 'REFUSED', message: outcome.reason };
      if (outcome.kind === 'stale') {
        return { ...row, outcome: 'ALREADY', message: '다른 사용자가 먼저 변경했습니다.' };
      }
      return { ...row, outcome: 'SUCCESS', message: null };
    });
  }
}

function missingRow(itemId: number): BulkRow {
  return {
    itemId,
    orderId: null,
    externalItemNo: null,
    productName: null,
    from: null,
    outcome: 'REFUSED',
    message: '주문 항목을 찾을 수 없습니다.',
  };
}
