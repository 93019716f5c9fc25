import { Prisma } from '../../generated/prisma/client';
import { SqlValue, sqlTuples } from '../../database/sql-literal';

type Db = Prisma.TransactionClient;

const CHUNK = 1000;

// Multi-row INSERTs written as text (see sqlLiteral): a thousand rows per statement.
function insertSql(table: string, columns: readonly string[], rows: SqlValue[][]): string {
  const cols = columns.map((c) => `\`${c}\``).join(', ');
  return `INSERT INTO \`${table}\` (${cols}) VALUES ${sqlTuples(rows)}`;
}

async function insertRows(db: Db, table: string, columns: string[], rows: SqlValue[][]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.$executeRawUnsafe(insertSql(table, columns, rows.slice(i, i + CHUNK)));
  }
}

function valuesOf<T>(row: T, columns: ReadonlyArray<keyof T>, updatedAt?: Date): SqlValue[] {
  const values = columns.map((c) => row[c] as SqlValue);
  if (updatedAt) values.push(updatedAt);
  return values;
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

// The new ids come back with the insert (MariaDB's INSERT … RETURNING), each with its order
// number, so nothing is read again and nothing assumes how auto-increment hands out ids.
export async function insertOrders(
  db: Db,
  orders: NewOrder[],
  now: Date,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < orders.length; i += CHUNK) {
    const rows = orders.slice(i, i + CHUNK).map((o) => valuesOf(o, ORDER_COLUMNS, now));
    const created = await db.$queryRawUnsafe<Array<{ id: number; externalOrderNo: string }>>(
      `${insertSql('Order', [...ORDER_COLUMNS, 'updatedAt'], rows)} RETURNING id, externalOrderNo`,
    );
    for (const { id, externalOrderNo } of created) ids.set(externalOrderNo, id);
  }
  return ids;
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
    items.map((i) => valuesOf(i, ITEM_COLUMNS, now)),
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
    events.map((e) => valuesOf(e, EVENT_COLUMNS)),
  );
}
