import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { AuditService } from '../users/audit.service';
import { DomainError } from '../shared/http/domain-error';
import { splitKeyOf } from './bundle-key-rules';
import { isCarried } from './bundle-membership';
import { reopenRefusal } from './bundle-reopen';
import { BundlesRepository, Tx } from './bundles.repository';
import { BundlesService } from './bundles.service';

const refused = (message: string) =>
  new DomainError('BUNDLE_REFUSED', message, HttpStatus.CONFLICT);

// A clerk's corrections to the stops the rules made: merge two stops, take an item out of
// one, reopen a stop that closed too early. Each is recorded as a rule or a state the sync
// and a rebuild both honour, so nothing is deleted and the next import does not undo it.
@Injectable()
export class BundleLifecycleService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repo: BundlesRepository,
    private readonly bundles: BundlesService,
    private readonly audit: AuditService,
  ) {}

  // `from`'s items, and whatever arrives for its key later, ride with `into`. `from` stays
  // as history: closed, pointing at `into`, off every day's list.
  async merge(params: { fromId: number; intoId: number; actorId: number; now?: Date }) {
    const { fromId, intoId, actorId, now = new Date() } = params;
    await this.prisma.$transaction(async (tx) => {
      const [from, into] = await this.openPair(tx, fromId, intoId);
      await this.repo.recordMerge(tx, {
        fromKey: from.bundleKey,
        intoKey: into.bundleKey,
        actorId,
      });
      await this.bundles.syncKeys([from.bundleKey, into.bundleKey], tx, now);
      await this.repo.closeAsMerged(tx, { id: from.id, intoId: into.id, now });
    });
    await this.audit.record({
      action: 'BUNDLE_MERGED',
      actorId,
      targetType: 'DeliveryBundle',
      targetId: intoId,
      detail: { from: fromId, into: intoId },
    });
  }

  // The item travels on its own from now on, in a new open bundle.
  async split(params: { bundleId: number; itemId: number; actorId: number; now?: Date }) {
    const { bundleId, itemId, actorId, now = new Date() } = params;
    await this.prisma.$transaction(async (tx) => {
      const [bundle] = await this.repo.lockBundles(tx, [bundleId]);
      if (!bundle) throw new NotFoundException();
      if (bundle.status !== 'OPEN') throw refused('출발했거나 닫힌 묶음은 나눌 수 없습니다.');
      const items = await this.repo.itemsByIds(
        tx,
        (await this.repo.membersOf(tx, [bundleId])).map((m) => m.id),
      );
      const item = items.find((i) => i.id === itemId);
      if (!item) throw refused('이 상품은 이미 이 묶음에 없습니다. 새로고침 후 확인하세요.');
      if (items.filter(isCarried).length < 2) {
        throw refused('묶음에 상품이 하나뿐이라 나눌 수 없습니다.');
      }
      await this.repo.recordSplit(tx, { itemId, actorId });
      await this.bundles.syncKeys([item.bundleKey, splitKeyOf(itemId)], tx, now);
    });
    await this.audit.record({
      action: 'BUNDLE_ITEM_SPLIT',
      actorId,
      targetType: 'DeliveryBundle',
      targetId: bundleId,
      detail: { itemId },
    });
  }

  // Only the stop's most recent closed bundle reopens, and only before it was delivered. A
  // bundle that late arrivals started meanwhile folds into it, so the stop is one again.
  async reopen(params: { bundleId: number; reason: string; actorId: number; now?: Date }) {
    const { bundleId, reason, actorId, now = new Date() } = params;
    const folded = await this.prisma.$transaction(async (tx) => {
      const [bundle] = await this.repo.lockBundles(tx, [bundleId]);
      if (!bundle) throw new NotFoundException();
      const siblings = await this.repo.lockKeys(tx, [bundle.bundleKey]);
      const refusal = reopenRefusal(bundle, siblings);
      if (refusal) throw refused(refusal);
      const late = siblings.filter((s) => s.status === 'OPEN' && s.id !== bundle.id);
      await this.repo.reopen(tx, { id: bundle.id, reason, now });
      for (const open of late) {
        await this.repo.moveMembers(tx, { fromId: open.id, intoId: bundle.id });
        await this.repo.closeAsMerged(tx, { id: open.id, intoId: bundle.id, now });
      }
      await this.bundles.syncKeys([bundle.bundleKey], tx, now);
      return late.map((b) => b.id);
    });
    await this.audit.record({
      action: 'BUNDLE_REOPENED',
      actorId,
      targetType: 'DeliveryBundle',
      targetId: bundleId,
      detail: { reason, folded },
    });
  }

  private async openPair(tx: Tx, fromId: number, intoId: number) {
    if (fromId === intoId) throw refused('같은 묶음끼리는 합칠 수 없습니다.');
    const locked = await this.repo.lockBundles(tx, [fromId, intoId]);
    const from = locked.find((b) => b.id === fromId);
    const into = locked.find((b) => b.id === intoId);
    if (!from) throw new NotFoundException();
    if (!into) throw refused(`묶음 #${intoId}을(를) 찾을 수 없습니다. 번호를 확인하세요.`);
    if (from.status !== 'OPEN' || into.status !== 'OPEN') {
      throw refused('출발했거나 닫힌 묶음은 합칠 수 없습니다. 새로고침 후 확인하세요.');
    }
    return [from, into] as const;
  }
}
