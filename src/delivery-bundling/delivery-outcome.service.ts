import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { OrderHistoryService } from '../orders/order-history.service';
import { OrderStatusService, STATUS_ITEM_SELECT } from '../orders/order-status.service';
import { DomainError } from '../shared/http/domain-error';
import type { BundleStatus } from '../generated/prisma/enums';
import { BundleOutcome, OUTCOME_LABELS, canMark, nextOnDelivered } from './bundle-outcome';
import type { Tx } from './bundles.repository';
import { BundlesService } from './bundles.service';
import { Viewer, mayWorkOn } from './run-access';

export interface OutcomeResult {
  bundle: {
    id: number;
    scheduledDate: Date | null;
    regionSido: string | null;
    regionSigungu: string | null;
    run: { runDate: Date } | null;
  };
  already: boolean;
  followed: number;
  skipped: number;
}

const bundleChangedError = () =>
  new DomainError(
    'BUNDLE_CHANGED',
    '다른 사용자가 먼저 변경했습니다. 새로고침 후 다시 확인하세요.',
    HttpStatus.CONFLICT,
  );

const notAssignedError = () =>
  new DomainError(
    'BUNDLE_NOT_ASSIGNED',
    '내 배송 계획에 없는 묶음입니다. 새로고침 후 다시 확인하세요.',
    HttpStatus.FORBIDDEN,
  );

@Injectable()
export class DeliveryOutcomeService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly bundles: BundlesService,
    private readonly status: OrderStatusService,
    private readonly history: OrderHistoryService,
  ) {}

  // The stop is done: its items follow through the status machine, so each one gets its
  // STATUS event and no item skips a step the machine requires.
  delivered(params: { bundleId: number; from: BundleStatus; actorId: number; viewer: Viewer }) {
    return this.mark({ ...params, to: 'DELIVERED' }, async (tx, bundle) => {
      let followed = 0;
      let skipped = 0;
      for (const { id } of bundle.items) {
        if (await this.follow(tx, id, params.actorId)) followed += 1;
        else skipped += 1;
      }
      return { followed, skipped };
    });
  }

  // Nobody home, wrong address…: the items stay as they are for the next attempt; the reason
  // goes on the stop and into each order's history.
  failed(params: {
    bundleId: number;
    from: BundleStatus;
    reason: string;
    actorId: number;
    viewer: Viewer;
  }) {
    const { reason, actorId } = params;
    return this.mark({ ...params, to: 'FAILED' }, async (tx, bundle) => {
      const orderIds = [...new Set(bundle.items.map((i) => i.orderId))];
      await this.history.record(
        tx,
        orderIds.map((orderId) => ({
          orderId,
          actorId,
          source: 'USER' as const,
          type: 'MEMO' as const,
          toValue: `배송 실패: ${reason}`.slice(0, 300),
          detail: { bundleId: bundle.id, reason },
        })),
      );
      return { followed: 0, skipped: bundle.items.length };
    });
  }

  // A driver marks only the stops of his own runs; the office marks any.
  private mark(
    params: {
      bundleId: number;
      from: BundleStatus;
      to: BundleOutcome;
      reason?: string;
      viewer: Viewer;
    },
    work: (tx: Tx, bundle: LockedBundle) => Promise<{ followed: number; skipped: number }>,
  ): Promise<OutcomeResult> {
    const { bundleId, from, to, reason, viewer } = params;
    return this.prisma.$transaction(async (tx) => {
      const bundle = await this.locked(tx, bundleId);
      if (!mayWorkOn(viewer, bundle.run)) throw notAssignedError();
      if (bundle.status === to) return { bundle, already: true, followed: 0, skipped: 0 };
      if (bundle.status !== from) throw bundleChangedError();
      if (!canMark(bundle.status, to)) {
        throw new DomainError(
          'BUNDLE_REFUSED',
          `이 묶음은 '${OUTCOME_LABELS[to]}'(으)로 바꿀 수 없습니다.`,
        );
      }
      const counts = await work(tx, bundle);
      const now = new Date();
      if (!(await this.bundles.recordOutcome(tx, { id: bundleId, from, to, now, reason }))) {
        throw bundleChangedError();
      }
      return { bundle, already: false, ...counts };
    });
  }

  // FOR UPDATE: the second of two taps waits here and then sees the first one's outcome.
  private async locked(tx: Tx, id: number) {
    const rows = await tx.$queryRaw<
      unknown[]
    >`SELECT id FROM DeliveryBundle WHERE id = ${id} FOR UPDATE`;
    if (!rows.length) throw new NotFoundException();
    return tx.deliveryBundle.findUniqueOrThrow({
      where: { id },
      select: {
        id: true,
        status: true,
        scheduledDate: true,
        regionSido: true,
        regionSigungu: true,
        run: { select: { runDate: true, driverId: true } },
        items: { select: { id: true, orderId: true }, orderBy: { id: 'asc' } },
      },
    });
  }

  private async follow(tx: Tx, itemId: number, actorId: number): Promise<boolean> {
    let moved = false;
    for (;;) {
      const item = await tx.orderItem.findUniqueOrThrow({
        where: { id: itemId },
        select: STATUS_ITEM_SELECT,
      });
      const to = nextOnDelivered(item.status);
      if (!to) return moved;
      const outcome = await this.status.apply(tx, item, { to, source: 'USER', actorId });
      if (outcome.kind !== 'applied') return moved;
      moved = true;
    }
  }
}

type LockedBundle = Awaited<ReturnType<DeliveryOutcomeService['locked']>>;
