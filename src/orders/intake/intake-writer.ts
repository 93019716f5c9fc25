import { Prisma } from '../../generated/prisma/client';

type Db = Prisma.TransactionClient;
type Value = string | number | boolean | Date | null;

// Multi-row INSERTs: Prisma's createMany runs about six times slower than one statement per
// thousand rows, and a 100,000-row import has to keep pace with the Excel reader.
async function insertRows(db: Db, table: string, columns: string[], rows: Value[][], chunk = 1000) {
  const cols = columns.map((c) => `\`${c}\``).join(', ');
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await db.$executeRawUnsafe(
      `INSERT INTO \`${table}\` (${cols}) VALUES ${part.map(() => tuple).join(', ')}`,
      ...part.flat(),
    );
  }
}

export interface NewOrder {
  channelId: number;
  externalOrderNo: string;
  orderedAt: Date;
  buyerName: string;
  buyerPhone: string | null;
  recipientName: string;
  recipientPhone: string;
  postalCode: string | null;
  address: string;
  addressDetail: string | null;
  memo: string | null;
  requestedDate: Date | null;
  totalAmount: number;
}

const ORDER_COLUMNS: Array<keyof NewOrder> = [
  'channelId',
  'externalOrderNo',
  'orderedAt',
  'buyerName',
  'buyerPhone',
  'recipientName',
  'recipientPhone',
  'postalCode',
  'address',
  'addressDetail',
  'memo',
  'requestedDate',
  'totalAmount',
];

export async function insertOrders(
  db: Db,
  orders: NewOrder[],
  now: Date,
): Promise<Map<string, number>> {
  if (!orders.length) return new Map();
  await insertRows(
    db,
    'Order',
    [...ORDER_COLUMNS, 'updatedAt'],
    orders.map((o) => [...ORDER_COLUMNS.map((c) => o[c]), now]),
  );
  const created = await db.order.findMany({
    where: {
      channelId: orders[0].channelId,
      externalOrderNo: { in: orders.map((o) => o.externalOrderNo) },
    },
    select: { id: true, externalOrderNo: true },
  });
  return new Map(created.map((o) => [o.externalOrderNo, o.id]));
}

export interface NewItem {
  orderId: number;
  channelId: number;
  externalItemNo: string;
  listingId: number | null;
  productId: number | null;
  optionId: number | null;
  productName: string;
  optionName: string | null;
  quantity: number;
  unitPrice: number;
  amount: number;
  status: string;
  claimType: string | null;
  deliveryMethod: string;
  bundleNo: string | null;
  bundleKey: string;
  courier: string | null;
  trackingNo: string | null;
  regionSido: string | null;
  regionSigungu: string | null;
  orderedAt: Date;
  scheduledDate: Date | null;
  completedAt: Date | null;
  lifeDate: Date;
  needsReview: boolean;
}

const ITEM_COLUMNS: Array<keyof NewItem> = [
  'orderId',
  'channelId',
  'externalItemNo',
  'listingId',
  'productId',
  'optionId',
  'productName',
  'optionName',
  'quantity',
  'unitPrice',
  'amount',
  'status',
  'claimType',
  'deliveryMethod',
  'bundleNo',
  'bundleKey',
  'courier',
  'trackingNo',
  'regionSido',
  'regionSigungu',
  'orderedAt',
  'scheduledDate',
  'completedAt',
  'lifeDate',
  'needsReview',
];

export async function insertItems(db: Db, items: NewItem[], now: Date): Promise<void> {
  if (!items.length) return;
  await insertRows(
    db,
    'OrderItem',
    [...ITEM_COLUMNS, 'updatedAt'],
    items.map((i) => [...ITEM_COLUMNS.map((c) => i[c]), now]),
  );
}

export interface NewEvent {
  orderId: number;
  itemId: number | null;
  actorId: number | null;
  source: string;
  type: string;
  fromValue: string | null;
  toValue: string | null;
  at: Date;
}

const EVENT_COLUMNS: Array<keyof NewEvent> = [
  'orderId',
  'itemId',
  'actorId',
  'source',
  'type',
  'fromValue',
  'toValue',
  'at',
];

export async function insertEvents(db: Db, events: NewEvent[]): Promise<void> {
  if (!events.length) return;
  await insertRows(
    db,
    'OrderEvent',
    EVENT_COLUMNS,
    events.map((e) => EVENT_COLUMNS.map((c) => e[c])),
  );
}
