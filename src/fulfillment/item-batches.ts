import type { Prisma } from '../generated/prisma/client';

export interface ItemPosition {
  id: number;
  lifeDate: Date;
}

// Keyset batches in (lifeDate, id) order: each batch continues on the index where the last
// one ended, so a long export never re-reads or skips rows as it goes.
export async function* itemBatches<T extends ItemPosition>(
  fetch: (after: Prisma.OrderItemWhereInput, take: number) => Promise<T[]>,
  size: number,
): AsyncGenerator<T[]> {
  let after: Prisma.OrderItemWhereInput = {};
  for (;;) {
    const rows = await fetch(after, size);
    if (rows.length) yield rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1];
    after = {
      OR: [{ lifeDate: { gt: last.lifeDate } }, { lifeDate: last.lifeDate, id: { gt: last.id } }],
    };
  }
}

export const BATCH_ORDER = [
  { lifeDate: 'asc' },
  { id: 'asc' },
] as const satisfies Prisma.OrderItemOrderByWithRelationInput[];
