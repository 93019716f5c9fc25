import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { isLateBundle } from './bundle-membership';
import { mergeCandidates } from './merge-candidates';

export const DESK_PAGE_SIZE = 20;
// Candidates are proposals to read, not a queue: the first ones are enough per visit.
const CANDIDATES_SHOWN = 20;

export interface DeskQuery {
  view: 'open' | 'closed';
  q?: string;
  date?: Date;
  late: boolean;
  page: number;
}

const DESK_SELECT = {
  id: true,
  bundleKey: true,
  status: true,
  recipientName: true,
  recipientPhone: true,
  address: true,
  regionSido: true,
  regionSigungu: true,
  scheduledDate: true,
  closedAt: true,
  reopenedAt: true,
  reopenReason: true,
  mergedIntoId: true,
  run: { select: { name: true } },
  items: {
    orderBy: { id: 'asc' },
    select: {
      id: true,
      orderId: true,
      productName: true,
      optionName: true,
      quantity: true,
      status: true,
      claimType: true,
      order: { select: { externalOrderNo: true } },
    },
  },
} satisfies Prisma.DeliveryBundleSelect;

export type DeskBundle = Prisma.DeliveryBundleGetPayload<{ select: typeof DESK_SELECT }>;

// What the clerk's bundle desk reads: open stops (or closed ones, to reopen), which of them
// came after their stop's earlier bundle left, and which look like one stop written twice.
@Injectable()
export class BundleDeskService {
  constructor(private readonly prisma: PrismaService) {}

  async page(query: DeskQuery) {
    const where = this.whereOf(query);
    const lateKeys = query.late ? await this.keysWithEarlierBundles() : null;
    const filtered = lateKeys ? { ...where, bundleKey: { in: lateKeys } } : where;
    const [total, bundles] = await Promise.all([
      this.prisma.deliveryBundle.count({ where: filtered }),
      this.prisma.deliveryBundle.findMany({
        where: filtered,
        orderBy: query.view === 'open' ? [{ scheduledDate: 'asc' }, { id: 'asc' }] : { id: 'desc' },
        skip: (query.page - 1) * DESK_PAGE_SIZE,
        take: DESK_PAGE_SIZE,
        select: DESK_SELECT,
      }),
    ]);
    const late = await this.lateIds(bundles);
    return {
      total,
      bundles: bundles.map((b) => ({ ...b, late: late.has(b.id) })),
    };
  }

  // Over every open stop with items, whatever page the clerk is on: a duplicate is as likely
  // on page five as on page one. Matching reads only the contact columns; the cards are read
  // for the pairs shown.
  async candidates() {
    const pairs = await this.candidatePairs();
    const shown = pairs.slice(0, CANDIDATES_SHOWN);
    const cards = await this.prisma.deliveryBundle.findMany({
      where: { id: { in: shown.flatMap((c) => c.ids) } },
      select: DESK_SELECT,
    });
    const byId = new Map(cards.map((b) => [b.id, b]));
    return shown.map((c) => ({ agree: c.agree, bundles: c.ids.map((id) => byId.get(id)!) }));
  }

  // A stop the clerk split out shares its name, phone and address with the stop it left on
  // purpose, so it is never proposed again.
  private async candidatePairs() {
    const open = await this.prisma.deliveryBundle.findMany({
      where: {
        status: 'OPEN',
        scheduledDate: { not: null },
        NOT: { bundleKey: { startsWith: 'split:' } },
      },
      select: { id: true, recipientName: true, recipientPhone: true, address: true },
    });
    return mergeCandidates(open);
  }

  // The dashboard's delivery queues: stops that came after their truck left, and likely
  // duplicates, both waiting for a clerk's look.
  async queues() {
    const [late, candidates] = await Promise.all([
      this.keysWithEarlierBundles(),
      this.candidatePairs(),
    ]);
    const lateCount = await this.prisma.deliveryBundle.count({
      where: { status: 'OPEN', scheduledDate: { not: null }, bundleKey: { in: late } },
    });
    return [
      {
        status: 'LATE_BUNDLE',
        label: '출고 후 추가된 묶음',
        count: lateCount,
        href: '/delivery/bundles?view=open&late=1',
      },
      {
        status: 'MERGE_CANDIDATE',
        label: '합칠 후보 묶음',
        count: candidates.length,
        href: '/delivery/bundles?view=open',
      },
    ];
  }

  private whereOf(query: DeskQuery): Prisma.DeliveryBundleWhereInput {
    const where: Prisma.DeliveryBundleWhereInput =
      query.view === 'open'
        ? { status: 'OPEN', scheduledDate: { not: null } }
        : { status: { not: 'OPEN' }, mergedIntoId: null };
    if (query.date) where.scheduledDate = query.date;
    const q = query.q?.trim();
    if (q) {
      const digits = q.replace(/\D/g, '');
      where.OR = [
        { recipientName: { contains: q } },
        ...(digits.length >= 4 ? [{ recipientPhone: { contains: digits.slice(-4) } }] : []),
      ];
    }
    return where;
  }

  private async keysWithEarlierBundles(): Promise<string[]> {
    const open = await this.prisma.deliveryBundle.findMany({
      where: { status: 'OPEN', scheduledDate: { not: null } },
      select: { id: true, bundleKey: true, status: true },
    });
    const earlier = await this.earlierOf(open);
    return [...new Set(open.filter((b) => isLateBundle(b, earlier(b))).map((b) => b.bundleKey))];
  }

  private async lateIds(bundles: ReadonlyArray<{ id: number; bundleKey: string; status: string }>) {
    const open = bundles.filter((b) => b.status === 'OPEN');
    const earlier = await this.earlierOf(open);
    return new Set(
      open.filter((b) => isLateBundle({ id: b.id, status: 'OPEN' }, earlier(b))).map((b) => b.id),
    );
  }

  private async earlierOf(bundles: ReadonlyArray<{ bundleKey: string }>) {
    const rows = bundles.length
      ? await this.prisma.deliveryBundle.findMany({
          where: {
            bundleKey: { in: [...new Set(bundles.map((b) => b.bundleKey))] },
            status: { not: 'OPEN' },
            mergedIntoId: null,
          },
          select: { id: true, bundleKey: true, status: true },
        })
      : [];
    return (b: { bundleKey: string }) => rows.filter((r) => r.bundleKey === b.bundleKey);
  }
}
