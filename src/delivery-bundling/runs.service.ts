import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { Role } from '../generated/prisma/enums';
import { PrismaService } from '../database/prisma.service';
import { PrismaErrorCode } from '../database/prisma-error-codes';
import { DomainError, FormValidationError } from '../shared/http/domain-error';
import { UsersService } from '../users/users.service';
import type { Tx } from './bundles.repository';
import { BundlesRepository } from './bundles.repository';
import { planChangeRefusal } from './run-dispatch';
import { isPlannable, moveStop, withStops, withoutStops } from './run-stops';
import { RunsRepository, StoredRun } from './runs.repository';

export interface RunForm {
  driverId: number;
  name?: string;
}

const runChangedError = (message: string) =>
  new DomainError('RUN_CHANGED', message, HttpStatus.CONFLICT);

// A clerk planning a day's run: which driver, which stops, in which order. Every change to
// the stops locks the run first, so two clerks at the same run take turns.
@Injectable()
export class RunsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly runs: RunsRepository,
    private readonly bundles: BundlesRepository,
    private readonly users: UsersService,
  ) {}

  async drivers() {
    const users = await this.users.list();
    return users
      .filter((u) => u.role === Role.DELIVERY && u.active)
      .map((u) => ({ id: u.id, displayName: u.displayName, username: u.username }));
  }

  async get(id: number): Promise<StoredRun> {
    const run = await this.runs.find(id);
    if (!run) throw new NotFoundException();
    return run;
  }

  async create(form: RunForm & { date: string }): Promise<StoredRun> {
    const driver = await this.driver(form.driverId);
    const runDate = new Date(`${form.date}T00:00:00Z`);
    const name = form.name ?? `${driver.displayName} 배송`;
    return this.oneRunPerDay(form.date, driver.displayName, () =>
      this.runs.create({ runDate, driverId: driver.id, name }),
    );
  }

  async edit(id: number, form: RunForm): Promise<StoredRun> {
    const run = await this.get(id);
    const driver = await this.driver(form.driverId);
    const name = form.name ?? run.name;
    return this.oneRunPerDay(dayText(run.runDate), driver.displayName, () =>
      this.runs.update(id, { driverId: driver.id, name }),
    );
  }

  // Picked on the run page; if any of them went elsewhere meanwhile, none is added.
  addStops(id: number, bundleIds: readonly number[], now = new Date()): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      const run = await this.lockOpenForChanges(tx, id);
      const wanted = [...new Set(bundleIds)];
      const picked = await this.runs.lockBundles(tx, wanted);
      const refused = wanted.length - picked.filter((b) => isPlannable(b, run)).length;
      if (refused) {
        throw runChangedError(
          `고른 묶음 중 ${refused}곳은 다른 배송 계획에 들어갔거나 더 이상 배송할 수 없습니다. 새로고침 후 다시 고르세요.`,
        );
      }
      const before = await this.runs.stopOrder(tx, id);
      const order = withStops(before, wanted);
      await this.bundles.setRunStops(tx, { runId: id, orderedIds: order, now });
      return order.length - before.length;
    });
  }

  // Returns false when the stop was not on the run any more (the same button sent twice).
  removeStop(id: number, bundleId: number, now = new Date()): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      await this.lockOpenForChanges(tx, id);
      const order = await this.runs.stopOrder(tx, id);
      if (!order.includes(bundleId)) return false;
      await this.bundles.leaveRun(tx, id, [bundleId]);
      const rest = withoutStops(order, [bundleId]);
      await this.bundles.setRunStops(tx, { runId: id, orderedIds: rest, now });
      return true;
    });
  }

  // The order may change after departure too: the driver's page follows it.
  moveStop(
    id: number,
    move: { bundleId: number; from: number; to: number },
    now = new Date(),
  ): Promise<void> {
    return this.prisma.$transaction(async (tx) => {
      await this.locked(tx, id);
      const result = moveStop({ order: await this.runs.stopOrder(tx, id), ...move });
      if ('refusal' in result) throw runChangedError(result.refusal);
      await this.bundles.setRunStops(tx, { runId: id, orderedIds: result.order, now });
    });
  }

  delete(id: number): Promise<StoredRun> {
    return this.prisma.$transaction(async (tx) => {
      const run = await this.lockOpenForChanges(tx, id);
      await this.bundles.leaveRun(tx, id, await this.runs.allStopIds(tx, id));
      await this.runs.delete(tx, id);
      return run;
    });
  }

  private async locked(tx: Tx, id: number): Promise<StoredRun> {
    const run = await this.runs.lock(tx, id);
    if (!run) throw new NotFoundException();
    return run;
  }

  private async lockOpenForChanges(tx: Tx, id: number): Promise<StoredRun> {
    const run = await this.locked(tx, id);
    const refusal = planChangeRefusal(run);
    if (refusal) throw new DomainError('RUN_DISPATCHED', refusal);
    return run;
  }

  private async driver(id: number) {
    const user = await this.users.get(id).catch((error: unknown) => {
      if (error instanceof NotFoundException) return null;
      throw error;
    });
    if (!user || user.role !== Role.DELIVERY || !user.active) {
      throw new FormValidationError({ driverId: '배송팀 기사를 고르세요.' });
    }
    return user;
  }

  // The unique (runDate, driverId) index settles two clerks planning the same driver at once.
  private async oneRunPerDay<T>(day: string, driverName: string, write: () => Promise<T>) {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: string }).code === PrismaErrorCode.UniqueViolation) {
        throw new FormValidationError({
          driverId: `${driverName} 기사는 ${day}에 이미 배송 계획이 있습니다.`,
        });
      }
      throw error;
    }
  }
}

const dayText = (date: Date) => date.toISOString().slice(0, 10);
