import { Prisma } from '../../generated/prisma/client';
import type { ExistingItem, ExistingOrder } from './intake-plan';
import { sqlLiteral } from '../../database/sql-literal';

type Db = Prisma.TransactionClient;

export interface ExistingRows {
  items: Map<string, ExistingItem>;
  orders: Map<string, ExistingOrder>;
}

// What the desk already has for one batch's item and order numbers. Written as text like the
// inserts: a thousand numbers bound one by one as parameters cost more than the query.
export async function findExisting(
  db: Db,
  params: { channelId: number; itemNos: string[]; orderNos: string[] },
): Promise<ExistingRows> {
  const { channelId, itemNos, orderNos } = params;
  const inList = (values: string[]) => values.map(sqlLiteral).join(', ');
  const [items, orders] = await Promise.all([
    itemNos.length
      ? db.$queryRawUnsafe<Array<ExistingItem & { externalItemNo: string }>>(
          `SELECT id, orderId, externalItemNo, orderedAt, scheduledDate, completedAt, status,
             claimType, courier, trackingNo
           FROM OrderItem WHERE channelId = ${sqlLiteral(channelId)}
             AND externalItemNo IN (${inList(itemNos)})`,
        )
      : [],
    orderNos.length
      ? db.$queryRawUnsafe<Array<ExistingOrder & { externalOrderNo: string }>>(
          `SELECT id, externalOrderNo, recipientName, recipientPhone, postalCode, address,
             addressDetail, memo, doNotCombine = 1 AS doNotCombine
           FROM \`Order\` WHERE channelId = ${sqlLiteral(channelId)}
             AND externalOrderNo IN (${inList(orderNos)})`,
        )
      : [],
  ]);
  return {
    items: new Map(items.map((i) => [i.externalItemNo, i])),
    // A comparison comes back from a raw query as a number.
    orders: new Map(
      orders.map((o) => [o.externalOrderNo, { ...o, doNotCombine: Boolean(o.doNotCombine) }]),
    ),
  };
}
