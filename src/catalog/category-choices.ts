import { withDeletedMark } from './catalog-names';
import type { CatalogSnapshot } from './catalog-snapshot';

export interface CategoryChoice {
  id: number;
  label: string;
}

// Categories to pick from: active ones in admin order, then — only when asked to keep one
// (the product's current category, or a list filter) — deleted ones, marked.
export function categoryChoices(
  snapshot: CatalogSnapshot,
  options: { includeDeleted?: boolean; keepId?: number } = {},
): CategoryChoice[] {
  return [...snapshot.categories.values()]
    .filter((c) => !c.deleted || options.includeDeleted || c.id === options.keepId)
    .sort(
      (a, b) => Number(a.deleted) - Number(b.deleted) || a.sortOrder - b.sortOrder || a.id - b.id,
    )
    .map((c) => ({ id: c.id, label: withDeletedMark(c.name, c.deleted) }));
}
