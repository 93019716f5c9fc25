import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { EventSource, ItemStatus } from '../generated/prisma/enums';
import { PrismaService } from '../database/prisma.service';
import { BundlesService } from '../delivery-bundling/bundles.service';
import { NotificationsService } from '../notifications/notifications.service';
import { DomainError } from '../shared/http/domain-error';
import { OrderEventInput, OrderHistoryService, Tx } from './order-history.service';
import { deliveryRefusal } from './order-status';
import { statusColumnsAfter, transitionRefusal } from './order-transition';

// What a status change reads about an item: its identity, the version it is guarded by and
// the columns the new status is derived from.
export const STATUS_ITEM_SELECT = {
  id: true,
  orderId: true,
  externalItemNo: true,
  productName: true,
  version: true,
  status: true,
  claimType: true,
  claimReason: true,
  amendsItemId: true,
  orderedAt: true,
  scheduledDate: true,
  completedAt: true,
  bundleKey: true,
  deliveryMethod: true,
  trackingNo: true,
} satisfies Prisma.OrderItemSelect;

export type StatusItem = Prisma.OrderItemGetPayload<{ select: typeof STATUS_ITEM_SELECT }>;

export interface StatusChange {
  to: ItemStatus;
  reason?: string | null;
  source: EventSource;
  actorId?: number | null;
  now?: Date;
}

export type StatusOutcome =
  { kind: 'applied' } | { kind: 'refused'; reason: string } | { kind: 'stale' };

export const itemChangedError = () =>
  new DomainError(
    'ITEM_CHANGED',
    '다른 사용자가 먼저 변경했습니다. 새로고침 후 다시 확인하세요.',
    HttpStatus.CONFLICT,
  );

@Injectable()
export class OrderStatusService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly history: OrderHistoryService,
    private readonly bundles: BundlesService,
    private readonly notifications: NotificationsService,
  ) {}

  // A change from a page that showed the item at `version`: if anyone changed the item since
  // (another clerk, an import, or this very form submitted twice), nothing is applied.
  async change(params: {
    orderId: number;
    itemId: number;
    to: ItemStatus;
    version: number;
    reason?: string | null;
    actorId: number;
  }): Promise<{ item: StatusItem; to: ItemStatus }> {
    const { orderId, itemId, to, version, reason, actorId } = params;
    return this.prisma.$transaction(async (tx) => {
      const item = await tx.orderItem.findFirst({
        where: { id: itemId, orderId },
        select: STATUS_ITEM_SELECT,
      });
      if (!item) throw new NotFoundException();
      if (item.version !== version) throw itemChangedError();
      const outcome = await this.apply(tx, item, { to, reason, source: 'USER', actorId });
      if (outcome.kind === 'refused') throw new DomainError('STATUS_REFUSED', outcome.reason);
      if (outcome.kind === 'stale') throw itemChangedError();
      return { item, to };
    });
  }

  // Why the status machine would refuse this change, before anything is written.
  refusal(item: StatusItem, to: ItemStatus): string | null {
    return transitionRefusal(item.status, to) ?? deliveryRefusal(item, to);
  }

  // Applies one change inside the caller's transaction, only if the status machine allows it
  // and the item is still at `item.version`. The guarded UPDATE is what settles a race: the
  // second writer waits for the first one's row lock, then matches no row.
  async apply(tx: Tx, item: StatusItem, change: StatusChange): Promise<StatusOutcome> {
    const reason = this.refusal(item, change.to);
    if (reason) return { kind: 'refused', reason };
    const columns = statusColumnsAfter({
      item,
      to: change.to,
      reason: change.reason,
      now: change.now,
    });
    const { count } = await tx.orderItem.updateMany({
      where: { id: item.id, version: item.version },
      data: { ...columns, version: { increment: 1 } },
    });
    if (count === 0) return { kind: 'stale' };
    await this.history.record(tx, statusEvents(item, columns, change));
    // A cancel takes the item off its delivery stop, a return puts a pickup on one.
    await this.bundles.syncKeys([item.bundleKey], tx);
    // Dispatch and delivery are told to the customer; queued here so the message and the
    // change commit or roll back together.
    await this.notifications.enqueue(tx, { itemId: item.id, from: item.status, to: change.to });
    return { kind: 'applied' };
  }
}

// A STATUS row always; a CLAIM row as well when the item's claim changed, as intake writes.
function statusEvents(
  item: StatusItem,
  after: { claimType: string | null; claimReason: string | null },
  change: StatusChange,
): OrderEventInput[] {
  const base = {
    orderId: item.orderId,
    itemId: item.id,
    actorId: change.actorId ?? null,
    source: change.source,
  };
  const detail = change.reason ? { reason: change.reason } : undefined;
  const events: OrderEventInput[] = [
    { ...base, type: 'STATUS', fromValue: item.status, toValue: change.to, detail },
  ];
  if (after.claimType !== item.claimType) {
    events.push({
      ...base,
      type: 'CLAIM',
      fromValue: item.claimType,
      toValue: after.claimType,
      detail: after.claimReason ? { reason: after.claimReason } : undefined,
    });
  }
  return events;
}
