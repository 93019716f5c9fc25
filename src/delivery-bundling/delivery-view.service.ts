import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { isLateBundle } from './bundle-membership';

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
  items: {
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
  },
} satisfies Prisma.DeliveryBundleSelect;

export type BundleCard = Prisma.DeliveryBundleGetPayload<{ select: typeof CARD_SELECT }>;

@Injectable()
export class DeliveryViewService {
  constructor(private readonly prisma: PrismaService) {}

  // Counts for the whole day from the (scheduledDate, region) index; cards only for the
  // district the driver opened, so a 2,000-stop day stays a small page on a phone.
  async day(query: DayQuery) {
    const { date, district } = query;
    const [counts, bundles] = await Promise.all([
      this.prisma.deliveryBundle.groupBy({
        by: ['regionSido', 'regionSigungu'],
        where: { scheduledDate: date },
        _count: { _all: true },
      }),
      district
        ? this.prisma.deliveryBundle.findMany({
            where: {
              scheduledDate: date,
              regionSido: district.sido,
              regionSigungu: district.sigungu,
            },
            orderBy: [{ address: 'asc' }, { id: 'asc' }],
            select: CARD_SELECT,
          })
        : Promise.resolve([]),
    ]);
    return { counts, bundles, lateIds: await this.lateIds(bundles) };
  }

  async dayOfBundle(id: number): Promise<DayQuery | null> {
    const bundle = await this.prisma.deliveryBundle.findUnique({
      where: { id },
      select: { scheduledDate: true, regionSido: true, regionSigungu: true },
    });
    if (!bundle?.scheduledDate) return null;
    return {
      date: bundle.scheduledDate,
      district: { sido: bundle.regionSido, sigungu: bundle.regionSigungu },
    };
  }

  // A stop whose key already had a bundle dispatched: the items came after the truck left.
  private async lateIds(bundles: BundleCard[]): Promise<Set<number>> {
    if (!bundles.length) return new Set();
    const earlier = await this.prisma.deliveryBundle.findMany({
      where: { bundleKey: { in: bundles.map((b) => b.bundleKey) }, status: { not: 'OPEN' } },
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
