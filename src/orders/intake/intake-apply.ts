import { Prisma } from '../../generated/prisma/client';
import type { RegionLookup } from '../../postal-region/region-lookup';
import { bundleKeyOf } from '../bundle-key';
import { lifeDateOf } from '../order-status';
import type { Change, ExistingItem } from './intake-plan';
import {
  NewEvent,
  NewItem,
  NewOrder,
  insertEvents,
  insertItems,
  insertOrders,
} from './intake-writer';

type Db = Prisma.TransactionClient;

// What one batch will write, collected while planning so the writes go out together.
export class BatchWrites {
  readonly newOrders = new Map<string, NewOrder>();
  readonly newItems: Array<{ externalOrderNo: string; item: NewItem }> = [];
  readonly itemUpdates: Array<{ item: ExistingItem; changes: Change[] }> = [];
  readonly orderUpdates = new Map<number, Change[]>();
}

export interface ApplyContext {
  channelId: number;
  actorId: number | null;
  source: string;
  now: Date;
  regions: RegionLookup;
  // Orders created by earlier batches of the same file, for items that arrive later.
  ordersThisRun: Map<string, number>;
  // Delivery bundles (DeliveryBundlingModule) re-derived for the orders a batch touched.
  syncBundles: (orderIds: number[], db: Db) => Promise<void>;
}

export async function applyWrites(db: Db, ctx: ApplyContext, writes: BatchWrites): Promise<void> {
  const createdOrders = await insertOrders(db, [...writes.newOrders.values()], ctx.now);
  for (const [no, id] of createdOrders) ctx.ordersThisRun.set(no, id);
  const newItems = writes.newItems.map(({ externalOrderNo, item }) => ({
    ...item,
    orderId: item.orderId || ctx.ordersThisRun.get(externalOrderNo)!,
  }));
  await insertItems(db, newItems, ctx.now);
  const events: NewEvent[] = [];
  const event = (
    orderId: number,
    itemId: number | null,
    change: Pick<Change, 'type' | 'from' | 'to'>,
  ) =>
    events.push({
      orderId,
      itemId,
      actorId: ctx.actorId,
      source: ctx.source,
      type: change.type,
      fromValue: change.from,
      toValue: change.to,
      at: ctx.now,
    });
  for (const [no, id] of createdOrders) {
    const count = newItems.filter((i) => i.orderId === id).length;
    event(id, null, { type: 'CREATED', from: null, to: `${no} (${count}개 품목)` });
  }
  for (const { item, changes } of writes.itemUpdates) {
    await updateItem(db, item, changes, ctx.now);
    for (const c of changes) event(item.orderId, item.id, c);
  }
  for (const [orderId, changes] of writes.orderUpdates) {
    await updateOrder(db, ctx, orderId, changes);
    for (const c of changes) event(orderId, null, c);
  }
  await insertEvents(db, events);
  await syncTouchedBundles(db, ctx, newItems, writes);
}

// Bundles are a read model of the items: kept in step inside the batch's own transaction,
// so a file that fails half-way leaves no bundle behind either.
function syncTouchedBundles(
  db: Db,
  ctx: ApplyContext,
  newItems: ReadonlyArray<{ orderId: number }>,
  writes: BatchWrites,
): Promise<void> {
  const orderIds = new Set([
    ...newItems.map((i) => i.orderId),
    ...writes.itemUpdates.map((u) => u.item.orderId),
    ...writes.orderUpdates.keys(),
  ]);
  return ctx.syncBundles([...orderIds], db);
}

async function updateItem(db: Db, item: ExistingItem, changes: Change[], now: Date) {
  const next = Object.fromEntries(changes.map((c) => [c.field, c.to]));
  const status = (next.status as ExistingItem['status'] | undefined) ?? item.status;
  const completedAt =
    next.status && (status === 'DELIVERED' || status === 'COMPLETED') ? now : item.completedAt;
  await db.orderItem.update({
    where: { id: item.id },
    data: {
      ...next,
      completedAt,
      lifeDate: lifeDateOf({ ...item, status, completedAt }),
      version: { increment: 1 },
    } as Prisma.OrderItemUpdateInput,
  });
}

// A new address or recipient moves every item of the order to its new region and bundle.
async function updateOrder(db: Db, ctx: ApplyContext, orderId: number, changes: Change[]) {
  const data = Object.fromEntries(changes.map((c) => [c.field, c.to]));
  const order = await db.order.update({
    where: { id: orderId },
    data: { ...data, version: { increment: 1 } } as Prisma.OrderUpdateInput,
  });
  if (!changes.some((c) => c.type === 'ADDRESS' || c.type === 'RECIPIENT')) return;
  const region = ctx.regions.lookup({ postalCode: order.postalCode, address: order.address });
  const bundleNos = await db.orderItem.findMany({
    where: { orderId },
    select: { bundleNo: true },
    distinct: ['bundleNo'],
  });
  for (const { bundleNo } of bundleNos) {
    await db.orderItem.updateMany({
      where: { orderId, bundleNo },
      data: {
        regionSido: region.ambiguous ? null : region.sido,
        regionSigungu: region.ambiguous ? null : region.sigungu,
        bundleKey: bundleKeyOf({
          channelId: ctx.channelId,
          bundleNo,
          recipientName: order.recipientName,
          recipientPhone: order.recipientPhone,
          address: [order.address, order.addressDetail].filter(Boolean).join(' '),
          orderId,
          doNotCombine: order.doNotCombine,
        }),
      },
    });
  }
}
