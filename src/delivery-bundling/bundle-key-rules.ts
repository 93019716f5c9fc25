// A clerk's merges and splits, as the sync sees them. Items carry the key the orders module
// derived (channel + 배송비 묶음번호, or recipient + phone + address); the stop they ride on
// is that key after the clerk's decisions: a split item is a stop of its own, and a merged
// key rides with the key it was merged into.
export interface KeyRules {
  splitItems: ReadonlySet<number>;
  mergedInto: ReadonlyMap<string, string>;
}

export const NO_RULES: KeyRules = { splitItems: new Set(), mergedInto: new Map() };

const SPLIT_PREFIX = 'split:';

export function splitKeyOf(itemId: number): string {
  return `${SPLIT_PREFIX}${itemId}`;
}

export function splitItemOf(key: string): number | null {
  return key.startsWith(SPLIT_PREFIX) ? Number(key.slice(SPLIT_PREFIX.length)) : null;
}

// The key itself when it was never merged. Merges are stored flat, so one step resolves.
export function resolveKey(key: string, rules: KeyRules): string {
  return rules.mergedInto.get(key) ?? key;
}

export function stopKeyOf(item: { id: number; bundleKey: string }, rules: KeyRules): string {
  return resolveKey(rules.splitItems.has(item.id) ? splitKeyOf(item.id) : item.bundleKey, rules);
}
