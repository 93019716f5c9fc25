import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { BundleStatus } from '../generated/prisma/enums';
import { BundleHeader, bundleHeaderOf, sameHeader } from './bundle-header';
import { KeyRules, resolveKey, splitItemOf, splitKeyOf, stopKeyOf } from './bundle-key-rules';
import { NEW_BUNDLE, Placement, placeItems } from './bundle-membership';
import type { BundleOutcome } from './bundle-outcome';
import { BundlesRepository, MemberItem, StoredBundle, Tx } from './bundles.repository';

// Keys expand when items moved between keys; a chain longer than this is not a real case.
const MAX_EXPANSIONS = 4;
const REBUILD_CHUNK = 500;

@Injectable()
export class BundlesService {
  private readonly logger = new Logger(BundlesService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly repo: BundlesRepository,
  ) {}

  // Brings the bundles of these keys in step with their items. Called by the orders module
  // inside the transaction of its own write, so bundles never show a rolled-back change.
  async syncKeys(keys: ReadonlyArray<string | null>, tx?: Tx, now = new Date()): Promise<void> {
    const wanted = [...new Set(keys.filter((k): k is string => !!k))];
    if (!wanted.length) return;
    if (!tx) return this.prisma.$transaction((t) => this.syncKeys(wanted, t, now));
    const { bundles, items, rules } = await this.load(tx, wanted);
    const assignments = new Map<number, number | null>(
      items.filter((i) => !i.bundleKey && i.bundleId !== null).map((i) => [i.id, null]),
    );
    const toCreate: Array<{ bundleKey: string; header: BundleHeader; members: MemberItem[] }> = [];
    const keyedItems = items.filter((i) => i.bundleKey);
    for (const [key, keyItems] of groupBy(keyedItems, (i) => stopKeyOf(keyed(i), rules))) {
      const keyBundles = bundles.filter((b) => b.bundleKey === key);
      const elsewhere = bundles.filter((b) => b.bundleKey !== key);
      const placements = placeItems({ items: keyItems, bundles: keyBundles, elsewhere });
      const fresh = keyItems.filter((i) => placements.get(i.id) === NEW_BUNDLE);
      const header = bundleHeaderOf(fresh);
      if (header) toCreate.push({ bundleKey: key, header, members: fresh });
      for (const item of keyItems) {
        const placed = placements.get(item.id) as Placement;
        if (placed !== NEW_BUNDLE && placed !== item.bundleId) assignments.set(item.id, placed);
      }
    }
    const created = await this.repo.createOpen(tx, toCreate, now);
    for (const { bundleKey, members } of toCreate) {
      for (const m of members) assignments.set(m.id, created.get(bundleKey)!);
    }
    await this.refreshHeaders(tx, bundles, items, assignments, now);
    await this.repo.assignItems(tx, assignments);
  }

  // Every key an order's items carry: after an order-level write (new address, do not
  // combine, an intake batch) the caller need not know which keys changed.
  async syncOrders(orderIds: readonly number[], tx: Tx): Promise<void> {
    await this.syncKeys(await this.repo.keysOfOrders(tx, [...new Set(orderIds)]), tx);
  }

  // The read model recomputed from the items, key by key; the same rules as the incremental
  // path, so on a consistent database it changes nothing.
  async rebuildAll(): Promise<void> {
    const keys = await this.repo.allKeys(this.prisma);
    for (let i = 0; i < keys.length; i += REBUILD_CHUNK) {
      await this.syncKeys(keys.slice(i, i + REBUILD_CHUNK));
    }
  }

  // The driver's outcome, guarded by the status the page showed (a second tap changes
  // nothing). Returns false when the bundle is no longer in that status.
  recordOutcome(
    tx: Tx,
    params: { id: number; from: BundleStatus; to: BundleOutcome; now: Date; reason?: string },
  ): Promise<boolean> {
    const { reason, ...rest } = params;
    return this.repo.setOutcome(tx, { ...rest, failedReason: reason });
  }

  // Everything one sync must see at once, grown until it is closed: the items of these keys
  // and of every key merged with them, the bundles of the stops they ride on, and the keys
  // of items that moved in or out of those bundles since the last sync.
  private async load(tx: Tx, start: string[]) {
    const keys = new Set(start.filter((k) => splitItemOf(k) === null));
    const extraIds = new Set(start.map(splitItemOf).filter((id): id is number => id !== null));
    for (let round = 0; ; round++) {
      const items = uniqueById([
        ...(await this.repo.itemsOfKeys(tx, [...keys])),
        ...(await this.repo.itemsByIds(tx, [...extraIds])),
      ]);
      const splitItems = await this.repo.splitsOf(
        tx,
        items.map((i) => i.id),
      );
      const mergedInto = await this.repo.mergesFrom(tx, [
        ...keys,
        ...[...splitItems].map(splitKeyOf),
      ]);
      const rules: KeyRules = { splitItems, mergedInto };
      const stopKeys = new Set([...keys].map((k) => resolveKey(k, rules)));
      for (const item of items) if (item.bundleKey) stopKeys.add(stopKeyOf(keyed(item), rules));
      const stopBundles = await this.repo.lockKeys(tx, [...stopKeys]);
      const onStops = new Set(stopBundles.map((b) => b.id));
      // The bundles items sit in under another key (merged or re-addressed since): a closed
      // one keeps them, and its header must follow whatever leaves it.
      const foreign = await this.repo.lockBundles(tx, [
        ...new Set(
          items
            .filter((i) => i.bundleId !== null && !onStops.has(i.bundleId))
            .map((i) => i.bundleId!),
        ),
      ]);
      const bundles = [...stopBundles, ...foreign];
      const known = new Set(bundles.map((b) => b.id));
      const loaded = new Set(items.map((i) => i.id));
      const members = await this.repo.membersOf(tx, [...known]);
      const moreKeys = new Set<string>();
      const moreIds = new Set<number>();
      const add = (key: string | null, id?: number) => {
        const splitId = key === null ? (id ?? null) : splitItemOf(key);
        if (splitId !== null) {
          if (!loaded.has(splitId) && !extraIds.has(splitId)) moreIds.add(splitId);
        } else if (key !== null && !keys.has(key)) moreKeys.add(key);
      };
      for (const key of await this.repo.mergedInto(tx, [...stopKeys])) add(key);
      for (const bundle of foreign) add(bundle.bundleKey);
      for (const member of members) if (!loaded.has(member.id)) add(member.bundleKey, member.id);
      for (const key of stopKeys) if (splitItemOf(key) !== null) add(key);
      if (!moreKeys.size && !moreIds.size) return { bundles, items, rules };
      if (round >= MAX_EXPANSIONS) {
        // Synced with what was gathered; `oms bundles rebuild` settles the rest key by key.
        // Counts and item ids only: a showroom key holds the customer's name and phone.
        this.logger.warn(
          {
            keys: keys.size,
            keysLeft: moreKeys.size,
            itemsLeft: [...moreIds].slice(0, 20),
            items: items.slice(0, 20).map((i) => i.id),
          },
          'bundle sync stopped following moved items',
        );
        return { bundles, items, rules };
      }
      for (const key of moreKeys) keys.add(key);
      for (const id of moreIds) extraIds.add(id);
    }
  }

  // Header and date follow the members after the move; a bundle left empty keeps its header
  // (it is history) but drops off every day's list.
  private async refreshHeaders(
    tx: Tx,
    bundles: StoredBundle[],
    items: MemberItem[],
    assignments: ReadonlyMap<number, number | null>,
    now: Date,
  ): Promise<void> {
    const members = groupBy(
      items.filter((i) => (assignments.has(i.id) ? assignments.get(i.id) : i.bundleId) !== null),
      (i) => (assignments.has(i.id) ? assignments.get(i.id)! : i.bundleId!),
    );
    const moved = new Set<number | null>();
    for (const item of items) {
      if (!assignments.has(item.id)) continue;
      moved.add(item.bundleId);
      moved.add(assignments.get(item.id)!);
    }
    for (const bundle of bundles) {
      const header = bundleHeaderOf(members.get(bundle.id) ?? []);
      const next = header ?? { scheduledDate: null };
      const changed = header ? !sameHeader(header, bundle) : bundle.scheduledDate !== null;
      if (changed || moved.has(bundle.id)) {
        await this.repo.updateHeader(tx, bundle.id, {
          ...next,
          ...(moved.has(bundle.id) ? { lastActivityAt: now } : {}),
        });
      }
    }
  }
}

function uniqueById<T extends { id: number }>(list: readonly T[]): T[] {
  return [...new Map(list.map((i) => [i.id, i])).values()];
}

const keyed = (item: MemberItem) => ({ id: item.id, bundleKey: item.bundleKey! });

function groupBy<T, K>(list: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of list) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
