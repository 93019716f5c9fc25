import { createHash } from 'node:crypto';
import type { RegionLookup } from '../postal-region/region-lookup';
import type { OrderEventInput } from './order-history.service';
import { regionColumns } from './order-item-delivery';

export type ItemRegion = ReturnType<typeof regionColumns>;

/** One item as the job reads it: its stored region and its order's delivery address. */
export interface ItemAddressRow extends ItemRegion {
  id: number;
  orderId: number;
  postalCode: string | null;
  address: string;
}

export interface RegionMove {
  itemId: number;
  orderId: number;
  from: ItemRegion;
  to: ItemRegion;
}

export type JobMode = 'check' | 'apply';

export interface MoveCount {
  from: string;
  to: string;
  items: number;
}

export const UNCLASSIFIED = '미분류';

export function regionLabel({ regionSido, regionSigungu }: ItemRegion): string {
  if (!regionSido) return UNCLASSIFIED;
  return regionSigungu ? `${regionSido} ${regionSigungu}` : regionSido;
}

// The same columns intake and address edits write (regionColumns), so a re-classified item
// looks exactly as if it had been taken in today.
export function regionMoves(rows: readonly ItemAddressRow[], lookup: RegionLookup): RegionMove[] {
  const byOrder = new Map<number, ItemRegion>();
  const moves: RegionMove[] = [];
  for (const row of rows) {
    let to = byOrder.get(row.orderId);
    if (!to) {
      to = regionColumns(lookup.lookup({ postalCode: row.postalCode, address: row.address }));
      byOrder.set(row.orderId, to);
    }
    if (to.regionSido === row.regionSido && to.regionSigungu === row.regionSigungu) continue;
    const from = { regionSido: row.regionSido, regionSigungu: row.regionSigungu };
    moves.push({ itemId: row.id, orderId: row.orderId, from, to });
  }
  return moves;
}

/** One UPDATE per target region: a chunk's moves land in a few districts, not thousands. */
export function movesByTarget(moves: readonly RegionMove[]) {
  const groups = new Map<string, { to: ItemRegion; itemIds: number[] }>();
  for (const move of moves) {
    const key = regionLabel(move.to);
    const group = groups.get(key) ?? { to: move.to, itemIds: [] };
    group.itemIds.push(move.itemId);
    groups.set(key, group);
  }
  return [...groups.values()];
}

// One history row per order, not per item: the clerk reads the order's timeline, and every
// item of an order follows the order's one address to the same region.
export function regionEvents(moves: readonly RegionMove[], actorId: number): OrderEventInput[] {
  const byOrder = new Map<number, { from: Set<string>; to: string }>();
  for (const move of moves) {
    const entry = byOrder.get(move.orderId) ?? { from: new Set(), to: regionLabel(move.to) };
    entry.from.add(regionLabel(move.from));
    byOrder.set(move.orderId, entry);
  }
  return [...byOrder].map(([orderId, { from, to }]) => ({
    orderId,
    actorId,
    source: 'SYSTEM',
    type: 'ADDRESS',
    fromValue: [...from].join(', '),
    toValue: to,
    detail: { field: 'region', label: '배송 지역', reason: '지역 기준 변경에 따른 재분류' },
  }));
}

export function orderCount(moves: readonly RegionMove[]): number {
  return new Set(moves.map((m) => m.orderId)).size;
}

/** Counts "from → to" pairs across chunks, so the admin sees where items would move. */
export function tallyMoves(tally: Map<string, MoveCount>, moves: readonly RegionMove[]): void {
  for (const move of moves) {
    const from = regionLabel(move.from);
    const to = regionLabel(move.to);
    const key = `${from}\u0000${to}`;
    const entry = tally.get(key) ?? { from, to, items: 0 };
    entry.items += 1;
    tally.set(key, entry);
  }
}

export function topMoves(tally: Map<string, MoveCount>, limit = 10): MoveCount[] {
  return [...tally.values()].sort((a, b) => b.items - a.items).slice(0, limit);
}

/**
 * The rules a job classified with: the shipped tables and the admins' overrides. A result
 * computed under other rules no longer tells what re-classifying now would change.
 */
export function rulesFingerprint({
  tables,
  overrides,
}: {
  tables: unknown;
  overrides: ReadonlyArray<{
    postalCode: string;
    sido: string;
    sigungu: string;
    gu: string | null;
  }>;
}): string {
  const lines = overrides.map((o) => [o.postalCode, o.sido, o.sigungu, o.gu ?? ''].join('/'));
  return createHash('sha256')
    .update(JSON.stringify(tables))
    .update(lines.sort().join('\n'))
    .digest('hex')
    .slice(0, 16);
}

export interface RegionCount extends ItemRegion {
  items: number;
}

// '-count' first: the admin looks for where the orders are; names sort 가나다 ascending.
export const REGION_SORTS = ['-count', 'count', 'name', '-name'] as const;
export type RegionSort = (typeof REGION_SORTS)[number];

interface Counted {
  name: string | null;
  items: number;
}

export interface SidoCounts extends Counted {
  name: string;
  districts: Counted[];
}

function comparator(sort: RegionSort) {
  const byName = (a: Counted, b: Counted) => (a.name ?? '').localeCompare(b.name ?? '', 'ko');
  const sign = sort.startsWith('-') ? -1 : 1;
  return sort.endsWith('count')
    ? (a: Counted, b: Counted) => sign * (a.items - b.items) || byName(a, b)
    : (a: Counted, b: Counted) => sign * byName(a, b);
}

/** 시/도 → 시/군/구 with subtotals; items without a region are counted apart (미분류). */
export function regionCountTable(counts: readonly RegionCount[], sort: RegionSort) {
  const bySido = new Map<string, SidoCounts>();
  let unclassified = 0;
  let total = 0;
  for (const { regionSido, regionSigungu, items } of counts) {
    total += items;
    if (!regionSido) {
      unclassified += items;
      continue;
    }
    const group = bySido.get(regionSido) ?? { name: regionSido, items: 0, districts: [] };
    group.items += items;
    group.districts.push({ name: regionSigungu, items });
    bySido.set(regionSido, group);
  }
  const groups = [...bySido.values()].sort(comparator(sort));
  for (const group of groups) group.districts.sort(comparator(sort));
  return { groups, unclassified, total };
}
