import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import type { BundleStatus } from '../generated/prisma/enums';
import type { BundleHeader } from './bundle-header';
import { splitKeyOf } from './bundle-key-rules';
import { sqlLiteral, sqlTuples } from '../database/sql-literal';

export type Tx = Prisma.TransactionClient;

// Decision: bundles are a read model of order items. The orders module owns OrderItem and
// calls BundlesService after its writes, in its own transaction; this file is the one place
// outside the orders module that writes to OrderItem, and it writes only bundleId. Every
// DeliveryBundle write goes through here too.

export const MEMBER_ITEM_SELECT = {
  id: true,
  bundleId: true,
  bundleKey: true,
  channelId: true,
  deliveryMethod: true,
  status: true,
  scheduledDate: true,
  regionSido: true,
  regionSigungu: true,
  order: {
    select: {
      id: true,
      orderedAt: true,
      recipientName: true,
      recipientPhone: true,
      postalCode: true,
      address: true,
      addressDetail: true,
      memo: true,
      requestedDate: true,
    },
  },
} satisfies Prisma.OrderItemSelect;

export type MemberItem = Prisma.OrderItemGetPayload<{ select: typeof MEMBER_ITEM_SELECT }>;

type MemberRow = Omit<MemberItem, 'order'> & Omit<MemberItem['order'], 'id'> & { orderId: number };

function memberOf(r: MemberRow): MemberItem {
  return {
    id: r.id,
    bundleId: r.bundleId,
    bundleKey: r.bundleKey,
    channelId: r.channelId,
    deliveryMethod: r.deliveryMethod,
    status: r.status,
    scheduledDate: r.scheduledDate,
    regionSido: r.regionSido,
    regionSigungu: r.regionSigungu,
    order: {
      id: r.orderId,
      orderedAt: r.orderedAt,
      recipientName: r.recipientName,
      recipientPhone: r.recipientPhone,
      postalCode: r.postalCode,
      address: r.address,
      addressDetail: r.addressDetail,
      memo: r.memo,
      requestedDate: r.requestedDate,
    },
  };
}

const BUNDLE_SELECT = {
  id: true,
  bundleKey: true,
  status: true,
  channelId: true,
  recipientName: true,
  recipientPhone: true,
  address: true,
  postalCode: true,
  regionSido: true,
  regionSigungu: true,
  memo: true,
  scheduledDate: true,
  mergedIntoId: true,
  closedAt: true,
} satisfies Prisma.DeliveryBundleSelect;

export type StoredBundle = Prisma.DeliveryBundleGetPayload<{ select: typeof BUNDLE_SELECT }>;

const CHUNK = 1000;

// Values written into the statement as literals (see sqlLiteral): an import batch syncs a
// thousand items, and binding their keys and ids one by one through Prisma costs more than
// the statements themselves.
const inList = (values: ReadonlyArray<string | number>) => values.map(sqlLiteral).join(', ');

@Injectable()
export class BundlesRepository {
  // FOR UPDATE over the key range: two writers syncing one key take turns, so a key never
  // gets two open bundles (the gap lock also holds back the other's insert).
  async lockKeys(tx: Tx, keys: readonly string[]): Promise<StoredBundle[]> {
    if (!keys.length) return [];
    return tx.$queryRawUnsafe<StoredBundle[]>(
      `SELECT ${Object.keys(BUNDLE_SELECT).join(', ')} FROM DeliveryBundle
       WHERE bundleKey IN (${inList(keys)}) FOR UPDATE`,
    );
  }

  async lockBundles(tx: Tx, ids: readonly number[]): Promise<StoredBundle[]> {
    if (!ids.length) return [];
    await tx.$queryRaw`SELECT id FROM DeliveryBundle WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
    return tx.deliveryBundle.findMany({ where: { id: { in: [...ids] } }, select: BUNDLE_SELECT });
  }

  async itemsOfKeys(tx: Tx, keys: readonly string[]): Promise<MemberItem[]> {
    if (!keys.length) return [];
    const rows = await tx.$queryRawUnsafe<MemberRow[]>(
      `SELECT i.id, i.bundleId, i.bundleKey, i.channelId, i.deliveryMethod, i.status,
         i.scheduledDate, i.regionSido, i.regionSigungu, o.id AS orderId, o.orderedAt,
         o.recipientName, o.recipientPhone, o.postalCode, o.address, o.addressDetail, o.memo,
         o.requestedDate
       FROM OrderItem i JOIN \`Order\` o ON o.id = i.orderId
       WHERE i.bundleKey IN (${inList(keys)})`,
    );
    return rows.map(memberOf);
  }

  itemsByIds(tx: Tx, ids: readonly number[]): Promise<MemberItem[]> {
    if (!ids.length) return Promise.resolve([]);
    return tx.orderItem.findMany({ where: { id: { in: [...ids] } }, select: MEMBER_ITEM_SELECT });
  }

  // Every item these bundles hold, whatever its key now: an item re-addressed, marked do not
  // combine or split out still points at its old bundle until its keys are synced together.
  membersOf(tx: Tx, bundleIds: readonly number[]) {
    if (!bundleIds.length) return Promise.resolve([]);
    return tx.orderItem.findMany({
      where: { bundleId: { in: [...bundleIds] } },
      select: { id: true, bundleKey: true },
    });
  }

  async splitsOf(tx: Tx, itemIds: readonly number[]): Promise<Set<number>> {
    if (!itemIds.length) return new Set();
    const rows = await tx.$queryRawUnsafe<Array<{ itemId: number }>>(
      `SELECT itemId FROM BundleSplit WHERE itemId IN (${inList(itemIds)})`,
    );
    return new Set(rows.map((r) => r.itemId));
  }

  async mergesFrom(tx: Tx, keys: readonly string[]): Promise<Map<string, string>> {
    if (!keys.length) return new Map();
    const rows = await tx.bundleMerge.findMany({ where: { fromKey: { in: [...keys] } } });
    return new Map(rows.map((r) => [r.fromKey, r.intoKey]));
  }

  // The keys riding with these stops: the other half of a merge.
  async mergedInto(tx: Tx, stopKeys: readonly string[]): Promise<string[]> {
    if (!stopKeys.length) return [];
    const rows = await tx.bundleMerge.findMany({
      where: { intoKey: { in: [...stopKeys] } },
      select: { fromKey: true },
    });
    return rows.map((r) => r.fromKey);
  }

  // A merge is one row per merged key, flattened: merges into `fromKey` now point at `intoKey`.
  async recordMerge(
    tx: Tx,
    merge: { fromKey: string; intoKey: string; actorId: number },
  ): Promise<void> {
    await tx.bundleMerge.updateMany({
      where: { intoKey: merge.fromKey },
      data: { intoKey: merge.intoKey },
    });
    await tx.bundleMerge.upsert({
      where: { fromKey: merge.fromKey },
      update: { intoKey: merge.intoKey, actorId: merge.actorId },
      create: merge,
    });
  }

  // A bundle merged away is history: closed, pointing at the stop that took its items, and
  // without a day, so no day's list shows it.
  async closeAsMerged(tx: Tx, p: { id: number; intoId: number; now: Date }): Promise<void> {
    await tx.deliveryBundle.update({
      where: { id: p.id },
      data: {
        status: 'CLOSED',
        mergedIntoId: p.intoId,
        closedAt: p.now,
        scheduledDate: null,
        lastActivityAt: p.now,
      },
    });
  }

  async reopen(tx: Tx, p: { id: number; reason: string; now: Date }): Promise<void> {
    await tx.deliveryBundle.update({
      where: { id: p.id },
      data: { status: 'OPEN', reopenedAt: p.now, reopenReason: p.reason, lastActivityAt: p.now },
    });
  }

  async moveMembers(tx: Tx, p: { fromId: number; intoId: number }): Promise<void> {
    await tx.orderItem.updateMany({ where: { bundleId: p.fromId }, data: { bundleId: p.intoId } });
  }

  // Guarded by the same condition as the read, so a bundle that took an item meanwhile stays.
  async closeQuiet(tx: Tx, p: { quietSince: Date; now: Date }): Promise<number> {
    const { count } = await tx.deliveryBundle.updateMany({
      where: { status: 'OPEN', lastActivityAt: { lt: p.quietSince } },
      data: { status: 'CLOSED', closedAt: p.now },
    });
    return count;
  }

  // Splitting an item that was split before and then merged somewhere replaces that merge.
  async recordSplit(tx: Tx, split: { itemId: number; actorId: number }): Promise<void> {
    await tx.bundleMerge.deleteMany({ where: { fromKey: splitKeyOf(split.itemId) } });
    await tx.bundleSplit.upsert({ where: { itemId: split.itemId }, update: {}, create: split });
  }

  async keysOfOrders(tx: Tx, orderIds: readonly number[]): Promise<string[]> {
    if (!orderIds.length) return [];
    const rows = await tx.orderItem.findMany({
      where: { orderId: { in: [...orderIds] }, bundleKey: { not: null } },
      select: { bundleKey: true },
      distinct: ['bundleKey'],
    });
    return rows.map((r) => r.bundleKey!);
  }

  async allKeys(tx: Tx): Promise<string[]> {
    const [items, bundles] = await Promise.all([
      tx.orderItem.findMany({
        where: { bundleKey: { not: null } },
        select: { bundleKey: true },
        distinct: ['bundleKey'],
      }),
      tx.deliveryBundle.findMany({ select: { bundleKey: true }, distinct: ['bundleKey'] }),
    ]);
    return [...new Set([...items.map((i) => i.bundleKey!), ...bundles.map((b) => b.bundleKey)])];
  }

  // One multi-row INSERT per chunk (Prisma's createMany took ~2 s per 4,000 bundles on an
  // import); MariaDB's RETURNING hands the new ids back in the same round trip.
  async createOpen(
    tx: Tx,
    rows: ReadonlyArray<{ bundleKey: string; header: BundleHeader }>,
    now: Date,
  ): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (let i = 0; i < rows.length; i += CHUNK) {
      const values = rows
        .slice(i, i + CHUNK)
        .map(({ bundleKey, header: h }) => [
          bundleKey,
          h.channelId,
          h.recipientName,
          h.recipientPhone,
          h.address,
          h.postalCode,
          h.regionSido,
          h.regionSigungu,
          h.memo,
          h.scheduledDate,
          'OPEN',
          now,
          now,
          now,
        ]);
      const created = await tx.$queryRawUnsafe<Array<{ id: number; bundleKey: string }>>(
        `INSERT INTO DeliveryBundle (bundleKey, channelId, recipientName, recipientPhone, address,
           postalCode, regionSido, regionSigungu, memo, scheduledDate, status, lastActivityAt,
           createdAt, updatedAt)
         VALUES ${sqlTuples(values)} RETURNING id, bundleKey`,
      );
      for (const { id, bundleKey } of created) ids.set(bundleKey, id);
    }
    return ids;
  }

  async updateHeader(
    tx: Tx,
    id: number,
    data: Partial<BundleHeader> & { lastActivityAt?: Date },
  ): Promise<void> {
    await tx.deliveryBundle.update({ where: { id }, data });
  }

  // One statement per thousand items rather than one per item: an import batch moves a
  // thousand items at once. The pairs travel as a JSON table (numbers only), which MariaDB
  // joins by primary key; a CASE over a thousand ids took twice as long. The item's version
  // is left alone, as bundleId never conflicts with a status change.
  async assignItems(tx: Tx, assignments: ReadonlyMap<number, number | null>): Promise<void> {
    const entries = [...assignments];
    for (let i = 0; i < entries.length; i += CHUNK) {
      const pairs = JSON.stringify(entries.slice(i, i + CHUNK));
      await tx.$executeRawUnsafe(
        `UPDATE OrderItem i
         JOIN JSON_TABLE(${sqlLiteral(pairs)}, '$[*]'
           COLUMNS (id INT PATH '$[0]', bundleId INT PATH '$[1]')) moved ON moved.id = i.id
         SET i.bundleId = moved.bundleId`,
      );
    }
  }

  // Guarded by the status the driver's page showed: a second tap finds it already changed.
  async setOutcome(
    tx: Tx,
    params: {
      id: number;
      from: BundleStatus;
      to: BundleStatus;
      now: Date;
      failedReason?: string;
    },
  ): Promise<boolean> {
    const { id, from, to, now, failedReason } = params;
    const { count } = await tx.deliveryBundle.updateMany({
      where: { id, status: from },
      data: {
        status: to,
        lastActivityAt: now,
        ...(to === 'DELIVERED' ? { deliveredAt: now, failedReason: null } : {}),
        ...(to === 'FAILED' ? { failedReason } : {}),
      },
    });
    return count === 1;
  }

  // Delivery runs (RunsRepository reads them; the run's row is locked by the caller).

  // The run's stops in this order, runSeq 1..n, in one statement.
  async setRunStops(
    tx: Tx,
    params: { runId: number; orderedIds: readonly number[]; now: Date },
  ): Promise<void> {
    const { runId, orderedIds, now } = params;
    if (!orderedIds.length) return;
    const seqs = Prisma.join(
      orderedIds.map((id, index) => Prisma.sql`WHEN ${id} THEN ${index + 1}`),
      ' ',
    );
    await tx.$executeRaw`UPDATE DeliveryBundle SET runId = ${runId}, runSeq = CASE id ${seqs} END, updatedAt = ${now} WHERE id IN (${Prisma.join(orderedIds)})`;
  }

  async leaveRun(tx: Tx, runId: number, bundleIds: readonly number[]): Promise<void> {
    if (!bundleIds.length) return;
    await tx.deliveryBundle.updateMany({
      where: { runId, id: { in: [...bundleIds] } },
      data: { runId: null, runSeq: null },
    });
  }

  // The truck left: its open stops close, so an add-on arriving now starts a new stop.
  async closeRunStops(tx: Tx, runId: number, now: Date): Promise<number> {
    const { count } = await tx.deliveryBundle.updateMany({
      where: { runId, status: 'OPEN' },
      data: { status: 'CLOSED', closedAt: now, lastActivityAt: now },
    });
    return count;
  }
}
