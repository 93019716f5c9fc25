import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { ClaimType, DeliveryMethod, ItemStatus } from '../generated/prisma/enums';
import { PrismaService } from '../database/prisma.service';
import { ChannelsService } from '../channels/channels.service';
import { PostalRegionService } from '../postal-region/postal-region.service';
import {
  COUNT_CAP,
  CursorValue,
  decodeCursor,
  OrderListQuery,
  PageCursor,
  SORT_COLUMNS,
  SortSpec,
  sortOf,
} from './order-list.query';
import { searchKind } from './order-search';
import { seoulDayStart } from '../shared/text/seoul-time';

const { sql, join, raw, empty } = Prisma;

export interface OrderListRow {
  id: number;
  orderId: number;
  orderedAt: Date;
  lifeDate: Date;
  channelName: string;
  externalOrderNo: string;
  externalItemNo: string;
  productName: string;
  optionName: string | null;
  productDeleted: boolean;
  optionDeleted: boolean;
  quantity: number;
  finalQuantity: number | null;
  amount: number;
  finalAmount: number | null;
  recipientName: string;
  recipientPhone: string;
  regionSido: string | null;
  regionSigungu: string | null;
  deliveryMethod: DeliveryMethod;
  status: ItemStatus;
  claimType: ClaimType | null;
  needsReview: boolean;
}

export interface OrderListPage {
  rows: OrderListRow[];
  count: { value: number; capped: boolean };
  sort: SortSpec;
  hasPrev: boolean;
  hasNext: boolean;
  channels: Array<{ id: number; name: string }>;
  regions: Record<string, string[]>;
}

// The sort index of each key. With a date range, the rows sorted by order date or id are
// scattered over that index (they are filed by lifeDate), so walking it could read a large
// part of the table; the range on lifeDate plus a sort of its rows is bounded instead.
const SORT_INDEX_FOR_DATE_RANGE: Partial<Record<SortSpec['key'], string>> = {
  orderedAt: 'OrderItem_orderedAt_id_idx',
  id: 'PRIMARY',
};

// The generated enum lists the statuses in schema order, which is the ENUM's sort order.
const STATUS_ORDER = Object.values(ItemStatus);

@Injectable()
export class OrderListService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly channels: ChannelsService,
    private readonly postalRegions: PostalRegionService,
  ) {}

  async listPage(query: OrderListQuery): Promise<OrderListPage> {
    const where = await this.whereOf(query);
    const sort = sortOf(query);
    const cursor = query.cursor ? decodeCursor(query.cursor, sort.key) : null;
    const [count, page, channels] = await Promise.all([
      this.count(where),
      this.page({
        where,
        sort,
        cursor,
        offset: (query.page - 1) * query.size,
        size: query.size,
        dated: hasDateRange(query),
      }),
      this.channels.list(),
    ]);
    const choices = channels.map((c) => ({ id: c.id, name: c.name }));
    return { ...page, count, sort, channels: choices, regions: this.regionNames() };
  }

  // The whole filtered list in sort order, `batch` rows at a time, each batch continuing from
  // the last row of the one before (keyset), so the cost per batch does not grow with depth.
  async *batches(query: OrderListQuery, batch: number): AsyncGenerator<OrderListRow[]> {
    const where = await this.whereOf(query);
    const sort = sortOf(query);
    let cursor: PageCursor | null = null;
    for (;;) {
      const { rows, hasNext } = await this.page({
        where,
        sort,
        cursor,
        offset: 0,
        size: batch,
        dated: hasDateRange(query),
      });
      if (rows.length) yield rows;
      if (!hasNext) return;
      cursor = { dir: 'after', skip: 0, values: sortValues(rows[rows.length - 1], sort) };
    }
  }

  async countUpTo(query: OrderListQuery, cap: number): Promise<number> {
    const where = await this.whereOf(query);
    return this.countWhere(where, cap);
  }

  private async count(where: Prisma.Sql) {
    const value = await this.countWhere(where, COUNT_CAP + 1);
    return { value: Math.min(value, COUNT_CAP), capped: value > COUNT_CAP };
  }

  private async countWhere(where: Prisma.Sql, cap: number): Promise<number> {
    const [{ n }] = await this.prisma.$queryRaw<Array<{ n: bigint }>>`
      SELECT COUNT(*) AS n FROM (SELECT 1 FROM OrderItem i WHERE ${where} LIMIT ${cap}) capped`;
    return Number(n);
  }

  private async page(params: {
    where: Prisma.Sql;
    sort: SortSpec;
    cursor: PageCursor | null;
    offset: number;
    size: number;
    dated: boolean;
  }) {
    const { where, sort, cursor, size, dated } = params;
    const columns = SORT_COLUMNS[sort.key];
    const backward = cursor?.dir === 'before';
    const desc = sort.desc !== backward;
    const seek = cursor ? sql`AND ${beyond(columns, cursor.values, desc ? '<' : '>')}` : empty;
    const offset = cursor ? cursor.skip : params.offset;
    const avoid = dated ? SORT_INDEX_FOR_DATE_RANGE[sort.key] : undefined;
    const hint = avoid ? raw(`IGNORE INDEX FOR ORDER BY (\`${avoid}\`)`) : empty;
    const order = orderBy(columns, desc);
    // Only ids are picked on the sort or filter index; the joins touch the page's rows alone.
    const found = await this.prisma.$queryRaw<RawRow[]>`
      SELECT i.id, i.orderId, i.orderedAt, i.lifeDate, c.name AS channelName, o.externalOrderNo,
             i.externalItemNo, i.productName, i.optionName, p.deletedAt AS productDeletedAt,
             po.deletedAt AS optionDeletedAt, i.quantity, i.finalQuantity, i.amount,
             i.finalAmount, o.recipientName, o.recipientPhone, i.regionSido, i.regionSigungu,
             i.deliveryMethod, i.status, i.claimType, i.needsReview
      FROM (SELECT i.id FROM OrderItem i ${hint} WHERE ${where} ${seek}
            ORDER BY ${order} LIMIT ${size + 1} OFFSET ${offset}) picked
      JOIN OrderItem i ON i.id = picked.id
      JOIN \`Order\` o ON o.id = i.orderId
      JOIN Channel c ON c.id = i.channelId
      LEFT JOIN Product p ON p.id = i.productId
      LEFT JOIN ProductOption po ON po.id = i.optionId
      ORDER BY ${order}`;
    const more = found.length > size;
    const rows = found.slice(0, size).map(toRow);
    if (backward) rows.reverse();
    return {
      rows,
      hasPrev: backward ? more : offset > 0 || cursor !== null,
      hasNext: backward || more,
    };
  }

  private async whereOf(query: OrderListQuery): Promise<Prisma.Sql> {
    const parts: Prisma.Sql[] = [];
    if (query.channel) parts.push(sql`i.channelId IN (${join(query.channel)})`);
    if (query.status) parts.push(sql`i.status IN (${join(query.status)})`);
    if (query.claim) parts.push(sql`i.claimType = ${query.claim}`);
    if (query.from) parts.push(sql`i.lifeDate >= ${seoulDayStart(query.from)}`);
    if (query.to) parts.push(sql`i.lifeDate < ${seoulDayStart(query.to, 1)}`);
    if (query.sido) parts.push(sql`i.regionSido = ${query.sido}`);
    if (query.sigungu) parts.push(sql`i.regionSigungu = ${query.sigungu}`);
    if (query.method) parts.push(sql`i.deliveryMethod = ${query.method}`);
    if (query.review) parts.push(sql`i.needsReview = TRUE`);
    if (query.q) parts.push(await this.searchOf(query.q));
    return parts.length ? join(parts, ' AND ') : sql`TRUE`;
  }

  // Each kind of search is answered from an index: unique (channel, number) keys, the phone
  // index, the name indexes and the product name index, all as exact or prefix matches.
  private async searchOf(q: string): Promise<Prisma.Sql> {
    const kind = searchKind(q);
    if (kind.kind === 'text') return this.textSearch(kind.prefix);
    if (kind.kind === 'code') {
      // Not an order or item number after all: it may still begin a name or a product.
      const ids = await this.itemsOfNumbers(this.numberBranches(kind.value));
      return ids.length ? sql`i.id IN (${join(ids)})` : this.textSearch(kind.value);
    }
    const branches: Prisma.Sql[] = [];
    if (kind.kind === 'number') branches.push(...this.numberBranches(kind.value));
    if (kind.phones.length) {
      branches.push(
        sql`SELECT i.id FROM \`Order\` o JOIN OrderItem i ON i.orderId = o.id WHERE o.recipientPhone IN (${join(kind.phones)})`,
        sql`SELECT i.id FROM \`Order\` o JOIN OrderItem i ON i.orderId = o.id WHERE o.buyerPhone IN (${join(kind.phones)})`,
      );
    }
    const ids = await this.itemsOfNumbers(branches);
    return ids.length ? sql`i.id IN (${join(ids)})` : sql`FALSE`;
  }

  // Exact matches on the unique (channel, number) keys, one channel after another.
  private numberBranches(value: string): Prisma.Sql[] {
    return [
      sql`SELECT i.id FROM Channel c JOIN OrderItem i ON i.channelId = c.id AND i.externalItemNo = ${value}`,
      sql`SELECT i.id FROM Channel c JOIN \`Order\` o ON o.channelId = c.id AND o.externalOrderNo = ${value} JOIN OrderItem i ON i.orderId = o.id`,
    ];
  }

  private async itemsOfNumbers(branches: Prisma.Sql[]): Promise<number[]> {
    const rows = await this.prisma.$queryRaw<Array<{ id: number }>>`${join(branches, ' UNION ')}`;
    return rows.map((r) => r.id);
  }

  // A name as a semi-join on the name indexes, driven from the few matching orders; a product
  // name on its own index. Both in one OR would defeat both indexes, so it is only written
  // when the text begins a product name and a person's name alike.
  private async textSearch(prefix: string): Promise<Prisma.Sql> {
    const like = `${prefix.replace(/[\\%_]/g, '\\$&')}%`;
    const byProduct = sql`i.productName LIKE ${like}`;
    const byPerson = sql`i.orderId IN (SELECT id FROM \`Order\` WHERE recipientName LIKE ${like} OR buyerName LIKE ${like})`;
    const [found] = await this.prisma.$queryRaw<Array<{ product: bigint; person: bigint }>>`
      SELECT EXISTS(SELECT 1 FROM OrderItem WHERE productName LIKE ${like}) AS product,
             EXISTS(SELECT 1 FROM \`Order\` WHERE recipientName LIKE ${like} OR buyerName LIKE ${like}) AS person`;
    if (Number(found.product) && Number(found.person)) return sql`(${byProduct} OR ${byPerson})`;
    return Number(found.product) ? byProduct : byPerson;
  }

  private regionNames(): Record<string, string[]> {
    const regions = this.postalRegions.tables.regions;
    return Object.fromEntries(Object.entries(regions).map(([sido, s]) => [sido, Object.keys(s)]));
  }
}

type RawRow = Omit<OrderListRow, 'productDeleted' | 'optionDeleted' | 'needsReview'> & {
  productDeletedAt: Date | null;
  optionDeletedAt: Date | null;
  needsReview: boolean | number;
};

function toRow(row: RawRow): OrderListRow {
  const { productDeletedAt, optionDeletedAt, ...rest } = row;
  return {
    ...rest,
    productDeleted: productDeletedAt !== null,
    optionDeleted: optionDeletedAt !== null,
    needsReview: Boolean(row.needsReview),
  } as OrderListRow;
}

function hasDateRange(query: OrderListQuery): boolean {
  return Boolean(query.from || query.to);
}

export function sortValues(row: OrderListRow, sort: SortSpec): CursorValue[] {
  return SORT_COLUMNS[sort.key].map((column) => row[column]);
}

function orderBy(columns: readonly string[], desc: boolean): Prisma.Sql {
  return raw(columns.map((c) => `i.\`${c}\` ${desc ? 'DESC' : 'ASC'}`).join(', '));
}

// Rows strictly beyond the cursor in scan order, written so the range optimiser can start the
// scan on the sort index right at the cursor: (a, b) > (x, y) becomes a > x OR (a = x AND b > y).
function beyond(columns: readonly string[], values: CursorValue[], op: '<' | '>'): Prisma.Sql {
  const [column, ...rest] = columns;
  const [value, ...restValues] = values;
  const name = raw(`i.\`${column}\``);
  const strict =
    column === 'status' ? statusBeyond(value as ItemStatus, op) : sql`${name} ${raw(op)} ${value}`;
  if (!rest.length) return strict;
  return sql`(${strict} OR (${name} = ${value} AND ${beyond(rest, restValues, op)}))`;
}

// An ENUM sorts by its declared order but compares with a string as text, so "after NEW" is
// spelled as the list of statuses declared after it.
function statusBeyond(status: ItemStatus, op: '<' | '>'): Prisma.Sql {
  const at = STATUS_ORDER.indexOf(status);
  const later = op === '>' ? STATUS_ORDER.slice(at + 1) : STATUS_ORDER.slice(0, at);
  return later.length ? sql`i.status IN (${join(later)})` : sql`FALSE`;
}
