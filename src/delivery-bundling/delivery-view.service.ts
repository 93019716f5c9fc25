import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { isLateBundle } from './bundle-membership';
import { Viewer, mayWorkOn, seesOwnRunsOnly } from './run-access';
import { RunsRepository, STOP_ITEMS_SELECT } from './runs.repository';

export interface DayQuery {
  date: Date;
  // Both set (null for an unsettled region) when one district is open.
  district?: { sido: string | null; sigungu: string | null };
}

const CARD_SELECT = {
  id: true,
  bundleKey: true,
  status: true,
  recipientName: true,
  recipientPhone: true,
  address: true,
  postalCode: true,
  memo: true,
  failedReason: true,
  runId: true,
  items: STOP_ITEMS_SELECT,
} satisfies Prisma.DeliveryBundleSelect;

export type BundleCard = Prisma.DeliveryBundleGetPayload<{ select: typeof CARD_SELECT }>;

// A driver sees only the stops of the run he was given for the day, in its order; the office
// sees every bundle due that day.
@Injectable()
export class DeliveryViewService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly runs: RunsRepository,
  ) {}

  async day(query: DayQuery, viewer: Viewer) {
    if (!seesOwnRunsOnly(viewer)) {
      return { ...(await this.bundlesOf(query, { scheduledDate: query.date })), run: null };
    }
    const run = await this.runs.runOf(viewer.id, query.date);
    if (!run) return { counts: [], bundles: [], lateIds: new Set<number>(), run: null };
    const [found, stops] = await Promise.all([
      this.bundlesOf(query, { runId: run.id, scheduledDate: { not: null } }),
      this.runs.stopList(run.id),
    ]);
    return { ...found, run: { ...run, stops } };
  }

  // Counts for the whole day from the (scheduledDate, region) or (runId) index; cards only
  // for the district the driver opened, so a 2,000-stop day stays a small page on a phone.
  private async bundlesOf(query: DayQuery, scope: Prisma.DeliveryBundleWhereInput) {
    const { district } = query;
    const inRun = scope.runId !== undefined;
    const [counts, bundles] = await Promise.all([
      this.prisma.deliveryBundle.groupBy({
        by: ['regionSido', 'regionSigungu'],
        where: scope,
        _count: { _all: true },
      }),
      district
        ? this.prisma.deliveryBundle.findMany({
            where: { ...scope, regionSido: district.sido, regionSigungu: district.sigungu },
            orderBy: inRun
              ? [{ runSeq: 'asc' }, { id: 'asc' }]
              : [{ address: 'asc' }, { id: 'asc' }],
            select: CARD_SELECT,
          })
        : Promise.resolve([]),
    ]);
    return { counts, bundles, lateIds: await this.lateIds(bundles) };
  }

  // The day and district a bundle is shown in to this viewer. A driver's stop is shown on
  // its run's day; a stop that is not his leads to his own day, without the district.
  async dayOfBundle(id: number, viewer: Viewer): Promise<DayQuery | null> {
    const bundle = await this.prisma.deliveryBundle.findUnique({
      where: { id },
      select: {
        scheduledDate: true,
        regionSido: true,
        regionSigungu: true,
        run: { select: { runDate: true, driverId: true } },
      },
    });
    if (!bundle) return null;
    const district = { sido: bundle.regionSido, sigungu: bundle.regionSigungu };
    if (seesOwnRunsOnly(viewer)) {
      if (!bundle.run || !mayWorkOn(viewer, bundle.run)) {
        return { date: bundle.scheduledDate ?? bundle.run?.runDate ?? new Date() };
      }
      return { date: bundle.run.runDate, district };
    }
    if (!bundle.scheduledDate) return null;
    return { date: bundle.scheduledDate, district };
  }

  // A stop whose key already had a bundle dispatched: the items came after the truck left.
  private async lateIds(bundles: BundleCard[]): Promise<Set<number>> {
    if (!bundles.length) return new Set();
    const earlier = await this.prisma.deliveryBundle.findMany({
      // A bundle merged away never left with a truck, so it makes no stop late.
      where: {
        bundleKey: { in: bundles.map((b) => b.bundleKey) },
        status: { not: 'OPEN' },
        mergedIntoId: null,
      },
      select: { id: true, bundleKey: true, status: true },
    });
    return new Set(
      bundles
        .filter((b) =>
          isLateBundle(
            b,
            earlier.filter((e) => e.bundleKey === b.bundleKey),
          ),
        )
        .map((b) => b.id),
    );
  }
}
