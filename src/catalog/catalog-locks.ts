import { NotFoundException } from '@nestjs/common';
import type { Tx } from './catalog-writes.service';

// Row locks, taken first in a transaction. The reads that follow a lock are the transaction's
// first plain reads, so (REPEATABLE READ) they see everything committed before the lock.
// Order is always product → category, and category-wide writes lock categories only: no cycles.

// A product and its options change as one: editing, deleting or restoring either waits here.
export async function lockProduct(tx: Tx, id: number): Promise<void> {
  const rows = await tx.$queryRaw<unknown[]>`SELECT id FROM Product WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundException();
}

// Keeps a category from being deleted while a product is put into or restored to it. A
// locking read returns the latest committed row, whatever the transaction read before.
export async function lockCategoryForUse(
  tx: Tx,
  id: number,
): Promise<{ name: string; deleted: boolean } | null> {
  const [row] = await tx.$queryRaw<Array<{ name: string; deleted: number | bigint }>>`
    SELECT name, deletedAt IS NOT NULL AS deleted FROM Category WHERE id = ${id} LOCK IN SHARE MODE`;
  return row ? { name: row.name, deleted: Number(row.deleted) === 1 } : null;
}

// Category writes (create, rename, reorder, delete, restore) touch names and positions of
// their siblings; the table is small, so they simply take turns.
export async function lockCategories(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT id FROM Category FOR UPDATE`;
}
