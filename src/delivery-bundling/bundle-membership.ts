import type { BundleStatus, DeliveryMethod, ItemStatus } from '../generated/prisma/enums';

export interface MemberCandidate {
  id: number;
  bundleId: number | null;
  deliveryMethod: DeliveryMethod;
  status: ItemStatus;
}

export interface KeyBundle {
  id: number;
  status: BundleStatus;
}

// Where each item of one bundle key goes: a bundle id, NEW (the key's next bundle, created
// by the caller) or null (not carried by the delivery team).
export const NEW_BUNDLE = 'new' as const;
export type Placement = number | typeof NEW_BUNDLE | null;

const CANCEL_STATUSES: readonly ItemStatus[] = ['CANCEL_REQUESTED', 'CANCELLED'];
const PICKUP_STATUSES: readonly ItemStatus[] = ['RETURN_REQUESTED', 'EXCHANGE_REQUESTED'];

// Only the own team's stops are bundles; a cancelled item (or one being cancelled) is no
// longer carried, and joins again if the cancel is withdrawn.
export function isCarried(item: Pick<MemberCandidate, 'deliveryMethod' | 'status'>): boolean {
  return item.deliveryMethod === 'OWN_TEAM' && !CANCEL_STATUSES.includes(item.status);
}

export function isPickup(status: ItemStatus): boolean {
  return PICKUP_STATUSES.includes(status);
}

// The bundle that still takes new items: the newest open one of the key.
export function openBundleOf(bundles: readonly KeyBundle[]): KeyBundle | undefined {
  return bundles.filter((b) => b.status === 'OPEN').sort((a, b) => b.id - a.id)[0];
}

// An item keeps the bundle it is in, so a dispatched or delivered bundle never changes its
// load behind the driver's back, even when the item's key moved on (re-addressed, merged into
// another stop) since. Anything else (a new item, an add-on, an item leaving another key's
// open bundle) joins the open bundle, or starts a new one: a closed bundle is never reopened
// by arrivals. A return or exchange pickup of an item already delivered is new work for the
// stop, so it moves out of the delivered bundle the same way. `elsewhere` are the current
// bundles of items that came from other keys.
export function placeItems(params: {
  items: readonly MemberCandidate[];
  bundles: readonly KeyBundle[];
  elsewhere?: readonly KeyBundle[];
}): Map<number, Placement> {
  const { items, bundles, elsewhere = [] } = params;
  const own = new Map(bundles.map((b) => [b.id, b]));
  const other = new Map(elsewhere.map((b) => [b.id, b]));
  const open = openBundleOf(bundles);
  const placements = new Map<number, Placement>();
  for (const item of items) {
    if (!isCarried(item)) {
      placements.set(item.id, null);
      continue;
    }
    const id = item.bundleId;
    const current =
      id === null
        ? undefined
        : (own.get(id) ?? (other.get(id)?.status === 'OPEN' ? undefined : other.get(id)));
    const stays = current && !(isPickup(item.status) && current.status === 'DELIVERED');
    placements.set(item.id, stays ? current.id : (open?.id ?? NEW_BUNDLE));
  }
  return placements;
}

// Arrivals after the key's earlier bundle left: the clerk must see that this stop is a
// second trip rather than part of the first.
export function isLateBundle(bundle: KeyBundle, siblings: readonly KeyBundle[]): boolean {
  return siblings.some((s) => s.id < bundle.id && s.status !== 'OPEN');
}
