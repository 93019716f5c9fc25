import { createHash } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { Channel, Prisma } from '../../generated/prisma/client';
import { DeliveryMethod, EventSource } from '../../generated/prisma/enums';
import { CatalogService } from '../../catalog/catalog.service';
import type { CatalogSnapshot } from '../../catalog/catalog-snapshot';
import type { ImportField, RawOrderRow } from '../../channels/import-fields';
import { ListingRef, ListingsService, listingKeyOf } from '../../channels/listings.service';
import { PrismaService } from '../../database/prisma.service';
import { PostalRegionService } from '../../postal-region/postal-region.service';
import { DomainError } from '../../shared/http/domain-error';
import type { RegionLookup } from '../../postal-region/region-lookup';
import { bundleKeyOf } from '../bundle-key';
import { lifeDateOf } from '../order-status';
import { batchesOf } from './batches';
import { Change, ExistingItem, ExistingOrder, diffItem, diffOrder } from './intake-plan';
import { IntakeRow, RowError, readIntakeRow } from './intake-row';
import {
  NewEvent,
  NewItem,
  NewOrder,
  insertEvents,
  insertItems,
  insertOrders,
} from './intake-writer';

export interface IntakeRequest {
  channel: Channel;
  rows: AsyncIterable<{ rowNumber: number; raw: RawOrderRow }>;
  headerOf: (field: ImportField) => string;
  source: EventSource;
  actorId: number | null;
  commit: boolean;
  onProgress?: (rowsRead: number) => void;
  // Set on commit: the preview's planHash. A different plan means the orders changed since
  // the preview, and nothing is written.
  expectedPlanHash?: string;
}

export class PlanChangedError extends DomainError {
  constructor() {
    super(
      'PLAN_CHANGED',
      '미리보기 이후 주문 데이터가 바뀌었습니다. 파일을 다시 올려 미리보기를 확인하세요.',
      HttpStatus.CONFLICT,
    );
  }
}

export interface IntakeSummary {
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: RowError[];
  unseenListings: string[];
  // Fingerprint of every decision; commit refuses to apply a plan other than the preview's.
  planHash: string;
}

const BATCH = 1000;
export const MAX_KEPT_ERRORS = 5000;
// One transaction for the whole file: a file that fails half-way (row cap, broken zip) must
// leave nothing behind.
const TRANSACTION_TIMEOUT_MS = 30 * 60_000;

interface RunState {
  req: IntakeRequest;
  catalog: CatalogSnapshot;
  regions: RegionLookup;
  listings: Map<string, ListingRef>;
  seenItems: Map<string, number>;
  ordersThisRun: Map<string, number>;
  summary: IntakeSummary;
  hash: ReturnType<typeof createHash>;
  now: Date;
}

@Injectable()
export class IntakePipeline {
  constructor(
    private readonly prisma: PrismaService,
    private readonly catalogService: CatalogService,
    private readonly listingsService: ListingsService,
    private readonly postal: PostalRegionService,
  ) {}

  async run(req: IntakeRequest): Promise<IntakeSummary> {
    const state: RunState = {
      req,
      catalog: await this.catalogService.getSnapshot(),
      regions: await this.postal.lookupForBatch(),
      listings: await this.listingsService.indexFor(req.channel.id),
      seenItems: new Map(),
      ordersThisRun: new Map(),
      summary: {
        totalRows: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        failed: 0,
        errors: [],
        unseenListings: [],
        planHash: '',
      },
      hash: createHash('sha256'),
      now: new Date(),
    };
    if (req.commit) {
      await this.prisma.$transaction(
        async (tx) => {
          await this.process(state, tx);
          const planHash = state.hash.copy().digest('hex');
          if (req.expectedPlanHash && planHash !== req.expectedPlanHash)
            throw new PlanChangedError();
        },
        {
          timeout: TRANSACTION_TIMEOUT_MS,
          maxWait: 10_000,
        },
      );
    } else {
      await this.process(state, this.prisma);
    }
    state.summary.planHash = state.hash.digest('hex');
    return state.summary;
  }

  private async process(state: RunState, db: Prisma.TransactionClient): Promise<void> {
    for await (const batch of batchesOf(state.req.rows, BATCH)) {
      state.summary.totalRows += batch.length;
      const rows = this.readBatch(state, batch);
      await this.applyBatch(state, db, rows);
      state.req.onProgress?.(state.summary.totalRows);
    }
  }

  private readBatch(
    state: RunState,
    batch: Array<{ rowNumber: number; raw: RawOrderRow }>,
  ): IntakeRow[] {
    const rows: IntakeRow[] = [];
    for (const { rowNumber, raw } of batch) {
      const { row, errors } = readIntakeRow({ raw, rowNumber, headerOf: state.req.headerOf });
      if (!row) {
        this.reject(state, errors);
        continue;
      }
      const firstRow = state.seenItems.get(row.externalItemNo);
      if (firstRow !== undefined) {
        this.reject(state, [
          {
            row: rowNumber,
            column: state.req.headerOf('externalItemNo'),
            message: `같은 파일에 상품주문번호 ${row.externalItemNo}이(가) 또 있습니다 (${firstRow}행과 중복).`,
          },
        ]);
        continue;
      }
      state.seenItems.set(row.externalItemNo, rowNumber);
      rows.push(row);
    }
    return rows;
  }

  private reject(state: RunState, errors: RowError[]): void {
    state.summary.failed += 1;
    const room = MAX_KEPT_ERRORS - state.summary.errors.length;
    if (room > 0) state.summary.errors.push(...errors.slice(0, room));
    state.hash.update(`x:${errors[0]?.row}\n`);
  }

  private async applyBatch(
    state: RunState,
    db: Prisma.TransactionClient,
    rows: IntakeRow[],
  ): Promise<void> {
    if (!rows.length) return;
    const channelId = state.req.channel.id;
    const [items, orders] = await Promise.all([
      db.orderItem.findMany({
        where: { channelId, externalItemNo: { in: rows.map((r) => r.externalItemNo) } },
        select: {
          id: true,
          orderId: true,
          externalItemNo: true,
          status: true,
          claimType: true,
          courier: true,
          trackingNo: true,
        },
      }),
      db.order.findMany({
        where: {
          channelId,
          externalOrderNo: { in: [...new Set(rows.map((r) => r.externalOrderNo))] },
        },
        select: {
          id: true,
          externalOrderNo: true,
          recipientName: true,
          recipientPhone: true,
          postalCode: true,
          address: true,
          addressDetail: true,
          memo: true,
        },
      }),
    ]);
    const existingItems = new Map(items.map((i) => [i.externalItemNo, i]));
    const existingOrders = new Map(orders.map((o) => [o.externalOrderNo, o]));
    const writes = new BatchWrites();
    for (const row of rows) {
      const existing = existingItems.get(row.externalItemNo);
      if (existing)
        this.planUpdate(state, row, existing, existingOrders.get(row.externalOrderNo), writes);
      else await this.planCreate(state, db, row, existingOrders.get(row.externalOrderNo), writes);
    }
    if (state.req.commit) await this.write(state, db, writes);
  }

  private planUpdate(
    state: RunState,
    row: IntakeRow,
    existing: ExistingItem,
    order: ExistingOrder | undefined,
    writes: BatchWrites,
  ): void {
    const itemChanges = diffItem(existing, row);
    const orderChanges = order && !writes.orderUpdates.has(order.id) ? diffOrder(order, row) : [];
    if (order && orderChanges.length) writes.orderUpdates.set(order.id, orderChanges);
    const touched =
      itemChanges.length > 0 || (order !== undefined && writes.orderUpdates.has(order.id));
    if (itemChanges.length) writes.itemUpdates.push({ item: existing, row, changes: itemChanges });
    if (touched) state.summary.updated += 1;
    else state.summary.unchanged += 1;
    state.hash.update(
      `u:${row.externalItemNo}:${JSON.stringify(itemChanges)}:${JSON.stringify(orderChanges)}\n`,
    );
  }

  private async planCreate(
    state: RunState,
    db: Prisma.TransactionClient,
    row: IntakeRow,
    order: ExistingOrder | undefined,
    writes: BatchWrites,
  ): Promise<void> {
    const listing = await this.resolveListing(state, db, row);
    const product = listing.productId ? state.catalog.products.get(listing.productId) : undefined;
    const option = listing.optionId ? state.catalog.options.get(listing.optionId) : undefined;
    if ((product && !state.catalog.isProductOrderable(product)) || option?.deleted) {
      this.reject(state, [
        {
          row: row.rowNumber,
          column: state.req.headerOf('productName'),
          message: `삭제된 상품은 새로 주문할 수 없습니다: ${product?.name ?? row.productName}${option ? ` / ${option.name}` : ''}`,
        },
      ]);
      return;
    }
    const region = state.regions.lookup({ postalCode: row.postalCode, address: row.address });
    const status = row.channelStatus?.status ?? 'NEW';
    const completedAt = status === 'DELIVERED' || status === 'COMPLETED' ? state.now : null;
    const orderKnown = order?.id ?? state.ordersThisRun.get(row.externalOrderNo);
    if (orderKnown === undefined && !writes.newOrders.has(row.externalOrderNo)) {
      writes.newOrders.set(row.externalOrderNo, newOrderOf(state.req.channel.id, row));
    } else if (orderKnown === undefined) {
      writes.newOrders.get(row.externalOrderNo)!.totalAmount += row.amount;
    }
    writes.newItems.push({
      externalOrderNo: row.externalOrderNo,
      item: {
        orderId: orderKnown ?? 0,
        channelId: state.req.channel.id,
        externalItemNo: row.externalItemNo,
        listingId: listing.id > 0 ? listing.id : null,
        productId: listing.productId,
        optionId: listing.optionId,
        productName: row.productName.slice(0, 200),
        optionName: row.optionText?.slice(0, 300) ?? null,
        quantity: row.quantity,
        unitPrice: row.unitPrice,
        amount: row.amount,
        status,
        claimType: row.channelStatus?.claimType ?? null,
        deliveryMethod: product?.deliveryMethod ?? DeliveryMethod.OWN_TEAM,
        bundleNo: row.bundleNo,
        bundleKey: bundleKeyOf({
          channelId: state.req.channel.id,
          bundleNo: row.bundleNo,
          recipientName: row.recipientName,
          recipientPhone: row.recipientPhone,
          address: [row.address, row.addressDetail].filter(Boolean).join(' '),
        }),
        courier: row.courier,
        trackingNo: row.trackingNo,
        regionSido: region.ambiguous ? null : region.sido,
        regionSigungu: region.ambiguous ? null : region.sigungu,
        orderedAt: row.orderedAt,
        scheduledDate: row.requestedDate,
        completedAt,
        lifeDate: lifeDateOf({
          status,
          completedAt,
          scheduledDate: row.requestedDate,
          orderedAt: row.orderedAt,
        }),
        needsReview: listing.needsReview,
      },
    });
    state.summary.created += 1;
    state.hash.update(
      `c:${row.externalItemNo}:${listing.productId}:${listing.optionId}:${status}\n`,
    );
  }

  private async resolveListing(
    state: RunState,
    db: Prisma.TransactionClient,
    row: IntakeRow,
  ): Promise<ListingRef> {
    const { key } = listingKeyOf(row);
    const known = state.listings.get(key);
    if (known) return known;
    const matches = state.catalog.findOptions(row.productName, row.optionText ?? '');
    const exact = matches.length === 1 ? matches[0] : undefined;
    const unseen = {
      channelProductId: row.channelProductId ?? '',
      channelProductName: row.productName,
      optionText: row.optionText ?? '',
      productId: exact?.product.id ?? null,
      optionId: exact?.option.id ?? null,
    };
    const listing = state.req.commit
      ? await this.listingsService.create(state.req.channel.id, unseen, db)
      : { id: -1, productId: unseen.productId, optionId: unseen.optionId, needsReview: !exact };
    if (listing.needsReview && state.summary.unseenListings.length < 200) {
      state.summary.unseenListings.push(
        [row.productName, row.optionText].filter(Boolean).join(' / '),
      );
    }
    state.listings.set(key, listing);
    return listing;
  }

  private async write(
    state: RunState,
    db: Prisma.TransactionClient,
    writes: BatchWrites,
  ): Promise<void> {
    const { now, req } = state;
    const createdOrders = await insertOrders(db, [...writes.newOrders.values()], now);
    for (const [no, id] of createdOrders) state.ordersThisRun.set(no, id);
    const newItems = writes.newItems.map(({ externalOrderNo, item }) => ({
      ...item,
      orderId: item.orderId || state.ordersThisRun.get(externalOrderNo)!,
    }));
    await insertItems(db, newItems, now);
    const events: NewEvent[] = [];
    const event = (
      orderId: number,
      itemId: number | null,
      type: string,
      from: string | null,
      to: string | null,
    ) =>
      events.push({
        orderId,
        itemId,
        actorId: req.actorId,
        source: req.source,
        type,
        fromValue: from,
        toValue: to,
        at: now,
      });
    for (const [no, id] of createdOrders) {
      const count = newItems.filter((i) => i.orderId === id).length;
      event(id, null, 'CREATED', null, `${no} (${count}개 품목)`);
    }
    for (const { item, changes } of writes.itemUpdates) {
      await this.updateItem(db, item, changes, now);
      for (const c of changes) event(item.orderId, item.id, c.type, c.from, c.to);
    }
    for (const [orderId, changes] of writes.orderUpdates) {
      await this.updateOrder(state, db, orderId, changes);
      for (const c of changes) event(orderId, null, c.type, c.from, c.to);
    }
    await insertEvents(db, events);
  }

  private async updateItem(
    db: Prisma.TransactionClient,
    item: ExistingItem,
    changes: Change[],
    now: Date,
  ) {
    const data: Prisma.OrderItemUpdateInput = { version: { increment: 1 } };
    for (const c of changes) (data as Record<string, unknown>)[c.field] = c.to;
    const status = changes.find((c) => c.field === 'status')?.to as
      ExistingItem['status'] | undefined;
    if (status === 'DELIVERED' || status === 'COMPLETED') data.completedAt = now;
    const updated = await db.orderItem.update({ where: { id: item.id }, data });
    if (status) {
      await db.orderItem.update({
        where: { id: item.id },
        data: { lifeDate: lifeDateOf(updated) },
      });
    }
  }

  private async updateOrder(
    state: RunState,
    db: Prisma.TransactionClient,
    orderId: number,
    changes: Change[],
  ) {
    const data: Record<string, unknown> = { version: { increment: 1 } };
    for (const c of changes) data[c.field] = c.to;
    const order = await db.order.update({
      where: { id: orderId },
      data: data as Prisma.OrderUpdateInput,
    });
    if (!changes.some((c) => c.type === 'ADDRESS' || c.type === 'RECIPIENT')) return;
    const region = state.regions.lookup({ postalCode: order.postalCode, address: order.address });
    const items = await db.orderItem.findMany({
      where: { orderId },
      select: { id: true, bundleNo: true },
    });
    for (const item of items) {
      await db.orderItem.update({
        where: { id: item.id },
        data: {
          regionSido: region.ambiguous ? null : region.sido,
          regionSigungu: region.ambiguous ? null : region.sigungu,
          bundleKey: bundleKeyOf({
            channelId: state.req.channel.id,
            bundleNo: item.bundleNo,
            recipientName: order.recipientName,
            recipientPhone: order.recipientPhone,
            address: [order.address, order.addressDetail].filter(Boolean).join(' '),
            orderId,
            doNotCombine: order.doNotCombine,
          }),
        },
      });
    }
  }
}

class BatchWrites {
  readonly newOrders = new Map<string, NewOrder>();
  readonly newItems: Array<{ externalOrderNo: string; item: NewItem }> = [];
  readonly itemUpdates: Array<{ item: ExistingItem; row: IntakeRow; changes: Change[] }> = [];
  readonly orderUpdates = new Map<number, Change[]>();
}

function newOrderOf(channelId: number, row: IntakeRow): NewOrder {
  return {
    channelId,
    externalOrderNo: row.externalOrderNo,
    orderedAt: row.orderedAt,
    buyerName: row.buyerName.slice(0, 100),
    buyerPhone: row.buyerPhone,
    recipientName: row.recipientName.slice(0, 100),
    recipientPhone: row.recipientPhone.slice(0, 30),
    postalCode: row.postalCode?.slice(0, 10) ?? null,
    address: row.address.slice(0, 300),
    addressDetail: row.addressDetail?.slice(0, 200) ?? null,
    memo: row.memo?.slice(0, 500) ?? null,
    requestedDate: row.requestedDate,
    totalAmount: row.amount,
  };
}
