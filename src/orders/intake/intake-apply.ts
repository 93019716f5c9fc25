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
  // Won to add to orders an earlier batch of the same file created: an order whose items
  // straddle two batches totals all of them.
  readonly earlierOrderAmounts = new Map<string, number>();

  // Won to add to orders that existed before this file: a later download may carry a new
  // 상품주문번호 of a known 주문번호.
  readonly existingOrderAmounts = new Map<number, number>();

  addToEarlierOrder(externalOrderNo: string, amount: number): void {
    this.earlierOrderAmounts.set(
      externalOrderNo,
      (this.earlierOrderAmounts.get(externalOrderNo) ?? 0) + amount,
    );
  }

  addToExistingOrder(orderId: number, amount: number): void {
    this.existingOrderAmounts.set(orderId, (this.existingOrderAmounts.get(orderId) ?? 0) + amount);
  }
}

export interface ApplyContext {
  channelId: number;
  actorId: number | null;
  source: string;
  now: Date;
  regions: RegionLookup;
  // Orders this file creates, by order number: their ids, filled in as their inserts return.
  ordersThisRun: Map<string, number>;
  // Delivery bundles (DeliveryBundlingModule) re-derived for the keys or orders a batch touched.
  syncKeys: (keys: string[], db: Db) => Promise<void>;
  syncOrders: (orderIds: number[], db: Db) => Promise<void>;
}

export async function applyWrites(db: Db, ctx: ApplyContext, writes: BatchWrites): Promise<void> {
  const createdOrders = await insertOrders(db, [...writes.newOrders.values()], ctx.now);
  for (const [no, id] of createdOrders) ctx.ordersThisRun.set(no, id);
  const newItems = writes.newItems.map(({ externalOrderNo, item }) => ({
    ...item,
    orderId: item.orderId || ctx.ordersThisRun.get(externalOrderNo)!,
  }));
  await insertItems(db, newItems, ctx.now);
  const amounts = [
    ...[...writes.earlierOrderAmounts].map(([no, amount]) => [ctx.ordersThisRun.get(no)!, amount]),
    ...writes.existingOrderAmounts,
  ];
  for (const [id, amount] of amounts) {
    await db.order.update({ where: { id }, data: { totalAmount: { increment: amount } } });
  }
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
  const itemsPerOrder = new Map<number, number>();
  for (const { orderId } of newItems)
    itemsPerOrder.set(orderId, (itemsPerOrder.get(orderId) ?? 0) + 1);
  for (const [no, id] of createdOrders) {
    event(id, null, { type: 'CREATED', from: null, to: createdText(no, itemsPerOrder.get(id)!) });
  }
  // An order whose items straddle batches was registered by an earlier one: its count grows.
  for (const no of writes.earlierOrderAmounts.keys()) {
    const orderId = ctx.ordersThisRun.get(no)!;
    const items = await db.orderItem.count({ where: { orderId } });
    await db.orderEvent.updateMany({
      where: { orderId, type: 'CREATED' },
      data: { toValue: createdText(no, items) },
    });
  }
  // An order the desk already had got another 상품주문번호 from the channel.
  const added = writes.newItems.filter(({ item }) => item.orderId !== 0).map(({ item }) => item);
  const addedIds = await idsOfItems(db, ctx.channelId, added);
  for (const item of added) {
    event(item.orderId, addedIds.get(item.externalItemNo) ?? null, {
      type: 'ITEM_ADDED',
      from: null,
      to: `${item.externalItemNo} ${item.productName}`.slice(0, 500),
    });
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
// so a file that fails half-way leaves no bundle behind either. New items bring their keys
// along; a change to existing items or orders may move keys, so those orders are synced
// whole.
function syncTouchedBundles(
  db: Db,
  ctx: ApplyContext,
  newItems: ReadonlyArray<Pick<NewItem, 'orderId' | 'bundleKey'>>,
  writes: BatchWrites,
): Promise<void> {
  if (!writes.itemUpdates.length && !writes.orderUpdates.size) {
    return ctx.syncKeys(
      newItems.map((i) => i.bundleKey),
      db,
    );
  }
  const orderIds = new Set([
    ...newItems.map((i) => i.orderId),
    ...writes.itemUpdates.map((u) => u.item.orderId),
    ...writes.orderUpdates.keys(),
  ]);
  return ctx.syncOrders([...orderIds], db);
}

const createdText = (orderNo: string, items: number) => `${orderNo} (${items}개 품목)`;

async function idsOfItems(
  db: Db,
  channelId: number,
  items: ReadonlyArray<Pick<NewItem, 'externalItemNo'>>,
): Promise<Map<string, number>> {
  if (!items.length) return new Map();
  const rows = await db.orderItem.findMany({
    where: { channelId, externalItemNo: { in: items.map((i) => i.externalItemNo) } },
    select: { id: true, externalItemNo: true },
  });
  return new Map(rows.map((r) => [r.externalItemNo, r.id]));
}

async function updateItem(db: Db, item: ExistingItem, changes: Change[], now: Date) {
  const next = Object.fromEntries(changes.map((c) => [c.field, c.to]));
  const status = (next.status as ExistingItem['status'] | undefined) ?? item.status;
  // Delivered once is delivered then: 배송완료 → 구매확정 keeps the day it was delivered.
  const done = status === 'DELIVERED' || status === 'COMPLETED';
  const completedAt = next.status && done ? (item.completedAt ?? now) : item.completedAt;
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
