import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { STATUS_ITEM_SELECT } from '../orders/order-status.service';
import type { Tx } from './bundles.repository';

// DeliveryRun belongs to this module and is written only here; a run's stops are bundles,
// whose runId/runSeq BundlesRepository writes.

const RUN_SELECT = {
  id: true,
  runDate: true,
  name: true,
  driverId: true,
  dispatchedAt: true,
  driver: { select: { displayName: true, username: true } },
} satisfies Prisma.DeliveryRunSelect;

export type StoredRun = Prisma.DeliveryRunGetPayload<{ select: typeof RUN_SELECT }>;

// The items a stop's card and run sheet list, deliveries and pickups alike.
export const STOP_ITEMS_SELECT = {
  orderBy: { id: 'asc' },
  select: {
    id: true,
    productName: true,
    optionName: true,
    quantity: true,
    status: true,
    claimType: true,
    order: { select: { externalOrderNo: true, requestedDate: true } },
  },
} satisfies Prisma.DeliveryBundle$itemsArgs;

export const STOP_SELECT = {
  id: true,
  status: true,
  recipientName: true,
  recipientPhone: true,
  address: true,
  postalCode: true,
  regionSido: true,
  regionSigungu: true,
  memo: true,
  failedReason: true,
  items: STOP_ITEMS_SELECT,
} satisfies Prisma.DeliveryBundleSelect;

export type RunStop = Prisma.DeliveryBundleGetPayload<{ select: typeof STOP_SELECT }>;

const CANDIDATE_SELECT = {
  id: true,
  status: true,
  recipientName: true,
  address: true,
  regionSido: true,
  regionSigungu: true,
  _count: { select: { items: true } },
} satisfies Prisma.DeliveryBundleSelect;

export type RunCandidate = Prisma.DeliveryBundleGetPayload<{ select: typeof CANDIDATE_SELECT }>;

export interface District {
  sido: string | null;
  sigungu: string | null;
}

// A stop still carrying something: a bundle emptied by cancels (or merged away) loses its
// date when its header is refreshed, and drops off every list.
const CARRYING = { scheduledDate: { not: null } } satisfies Prisma.DeliveryBundleWhereInput;

// The day's bundles a run may take: not delivered yet, and not on a run of that same day
// (a stop that failed on an earlier run comes back for another try).
export function plannableOn(date: Date): Prisma.DeliveryBundleWhereInput {
  return {
    scheduledDate: date,
    status: { not: 'DELIVERED' },
    OR: [{ runId: null }, { run: { runDate: { not: date } } }],
  };
}

@Injectable()
export class RunsRepository {
  constructor(private readonly prisma: PrismaService) {}

  runsOn(date: Date): Promise<StoredRun[]> {
    return this.prisma.deliveryRun.findMany({
      where: { runDate: date },
      orderBy: { id: 'asc' },
      select: RUN_SELECT,
    });
  }

  find(id: number, db: Tx = this.prisma): Promise<StoredRun | null> {
    return db.deliveryRun.findUnique({ where: { id }, select: RUN_SELECT });
  }

  runOf(driverId: number, date: Date): Promise<StoredRun | null> {
    return this.prisma.deliveryRun.findUnique({
      where: { runDate_driverId: { runDate: date, driverId } },
      select: RUN_SELECT,
    });
  }

  // FOR UPDATE: every change to a run's stops, and its dispatch, take turns on the run.
  async lock(tx: Tx, id: number): Promise<StoredRun | null> {
    await tx.$queryRaw`SELECT id FROM DeliveryRun WHERE id = ${id} FOR UPDATE`;
    return this.find(id, tx);
  }

  create(data: { runDate: Date; driverId: number; name: string }): Promise<StoredRun> {
    return this.prisma.deliveryRun.create({ data, select: RUN_SELECT });
  }

  update(id: number, data: { driverId: number; name: string }): Promise<StoredRun> {
    return this.prisma.deliveryRun.update({ where: { id }, data, select: RUN_SELECT });
  }

  async delete(tx: Tx, id: number): Promise<void> {
    await tx.deliveryRun.delete({ where: { id } });
  }

  // Guarded: of two dispatches of one run, only the first records the departure.
  async markDispatched(tx: Tx, id: number, now: Date): Promise<boolean> {
    const { count } = await tx.deliveryRun.updateMany({
      where: { id, dispatchedAt: null },
      data: { dispatchedAt: now },
    });
    return count === 1;
  }

  stops(runId: number, db: Tx = this.prisma): Promise<RunStop[]> {
    return db.deliveryBundle.findMany({
      where: { runId, ...CARRYING },
      orderBy: [{ runSeq: 'asc' }, { id: 'asc' }],
      select: STOP_SELECT,
    });
  }

  // The driver's list of the day: where to go, in order, and what became of each stop.
  stopList(runId: number) {
    return this.prisma.deliveryBundle.findMany({
      where: { runId, ...CARRYING },
      orderBy: [{ runSeq: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        status: true,
        recipientName: true,
        address: true,
        regionSido: true,
        regionSigungu: true,
      },
    });
  }

  // The stops as the pages number them (emptied ones are not shown, so not counted).
  async stopOrder(tx: Tx, runId: number): Promise<number[]> {
    const rows = await tx.deliveryBundle.findMany({
      where: { runId, ...CARRYING },
      orderBy: [{ runSeq: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  async allStopIds(tx: Tx, runId: number): Promise<number[]> {
    const rows = await tx.deliveryBundle.findMany({ where: { runId }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  stopCounts(runIds: readonly number[]) {
    if (!runIds.length) return Promise.resolve([]);
    return this.prisma.deliveryBundle.groupBy({
      by: ['runId', 'status'],
      where: { runId: { in: [...runIds] }, ...CARRYING },
      _count: { _all: true },
    });
  }

  // The bundles a clerk picked, locked against a second clerk adding them elsewhere.
  async lockBundles(tx: Tx, ids: readonly number[]) {
    if (!ids.length) return [];
    await tx.$queryRaw`SELECT id FROM DeliveryBundle WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
    return tx.deliveryBundle.findMany({
      where: { id: { in: [...ids] } },
      select: {
        id: true,
        status: true,
        scheduledDate: true,
        runId: true,
        run: { select: { runDate: true } },
      },
    });
  }

  candidateCounts(date: Date) {
    return this.prisma.deliveryBundle.groupBy({
      by: ['regionSido', 'regionSigungu'],
      where: plannableOn(date),
      _count: { _all: true },
    });
  }

  // A 시/도 alone (sigungu undefined) lists the whole 시/도.
  candidates(date: Date, district: Partial<District>, limit: number): Promise<RunCandidate[]> {
    return this.prisma.deliveryBundle.findMany({
      where: { ...plannableOn(date), regionSido: district.sido, regionSigungu: district.sigungu },
      orderBy: [{ address: 'asc' }, { id: 'asc' }],
      take: limit,
      select: CANDIDATE_SELECT,
    });
  }

  // What leaves with the truck: the items of every stop not yet delivered.
  itemsToDispatch(tx: Tx, runId: number) {
    return tx.orderItem.findMany({
      where: { bundle: { runId, status: { not: 'DELIVERED' } } },
      orderBy: { id: 'asc' },
      select: STATUS_ITEM_SELECT,
    });
  }
}
