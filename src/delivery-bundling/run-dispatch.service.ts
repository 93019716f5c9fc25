import { Injectable, NotFoundException } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { OrderStatusService } from '../orders/order-status.service';
import { DomainError } from '../shared/http/domain-error';
import { BundlesRepository } from './bundles.repository';
import { Viewer, mayWorkOn } from './run-access';
import { dispatchStepOf, isLeftBehind } from './run-dispatch';
import { RunsRepository, StoredRun } from './runs.repository';

export interface DispatchResult {
  run: StoredRun;
  already: boolean;
  closed: number;
  moved: number;
  leftBehind: number;
}

@Injectable()
export class RunDispatchService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly runs: RunsRepository,
    private readonly bundles: BundlesRepository,
    private readonly status: OrderStatusService,
  ) {}

  // The truck leaves (출발): in one transaction the run's open stops close and their prepared
  // items go out for delivery through the status machine, each with its STATUS event. The
  // run's row lock and its departure time make a double click or a stale page a no-op.
  dispatch(params: { runId: number; viewer: Viewer }, now = new Date()): Promise<DispatchResult> {
    const { runId, viewer } = params;
    return this.prisma.$transaction(async (tx) => {
      const run = await this.runs.lock(tx, runId);
      if (!run || !mayWorkOn(viewer, run)) throw new NotFoundException();
      if (run.dispatchedAt) return { run, already: true, closed: 0, moved: 0, leftBehind: 0 };
      if (!(await this.runs.stopOrder(tx, runId)).length) {
        throw new DomainError('RUN_EMPTY', '배송할 묶음이 없습니다. 묶음을 추가한 뒤 출발하세요.');
      }
      const closed = await this.bundles.closeRunStops(tx, runId, now);
      let moved = 0;
      let leftBehind = 0;
      for (const item of await this.runs.itemsToDispatch(tx, runId)) {
        const to = dispatchStepOf(item.status);
        if (!to) {
          if (isLeftBehind(item.status)) leftBehind += 1;
          continue;
        }
        const outcome = await this.status.apply(tx, item, {
          to,
          source: 'USER',
          actorId: viewer.id,
          now,
        });
        if (outcome.kind === 'applied') moved += 1;
        else leftBehind += 1;
      }
      await this.runs.markDispatched(tx, runId, now);
      return { run, already: false, closed, moved, leftBehind };
    });
  }
}
