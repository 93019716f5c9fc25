import { createHash } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { Channel, Prisma } from '../../generated/prisma/client';
import { DeliveryMethod, EventSource } from '../../generated/prisma/enums';
import { CatalogService } from '../../catalog/catalog.service';
import type { CatalogSnapshot } from '../../catalog/catalog-snapshot';
import type { ImportField, RawOrderRow } from '../../channels/import-fields';
import { ListingRef, ListingsService, listingKeyOf } from '../../channels/listings.service';
import { PrismaService } from '../../database/prisma.service';
import { BundlesService } from '../../delivery-bundling/bundles.service';
import { PostalRegionService } from '../../postal-region/postal-region.service';
import { DomainError } from '../../shared/http/domain-error';
import type { RegionLookup } from '../../postal-region/region-lookup';
import { bundleKeyOf } from '../bundle-key';
import { lifeDateOf } from '../order-status';
import { batchesOf } from './batches';
import { BatchWrites, applyWrites } from './intake-apply';
import { ExistingItem, ExistingOrder, diffItem, diffOrder } from './intake-plan';
import { ChosenItem, IntakeRow, RowError, readIntakeRow } from './intake-row';
import type { NewOrder } from './intake-writer';

export interface IntakeInput {
  rowNumber: number;
  raw: RawOrderRow;
  chosen?: ChosenItem;
}

export interface IntakeRequest {
  channel: Channel;
  rows: AsyncIterable<IntakeInput>;
  headerOf: (field: ImportField) => string;
  source: EventSource;
  actorId: number | null;
  commit: boolean;
  onProgress?: (rowsRead: number) => void;
  // Set on commit: the preview's planHash. A different plan means the orders changed since
  // the preview, and nothing is written.
  expectedPlanHash?: string;
  // Set by a form that registers one new order: it is written whole or not at all, and an
  // order or item number that already exists aborts the run instead of updating that order.
  newOrderOnly?: boolean;
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

export class OrderNoTakenError extends DomainError {
  constructor() {
    super('ORDER_NO_TAKEN', '이미 있는 주문번호입니다.', HttpStatus.CONFLICT);
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
    private readonly bundles: BundlesService,
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
          if (req.newOrderOnly) assertAllCreated(state.summary);
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

  private readBatch(state: RunState, batch: IntakeInput[]): IntakeRow[] {
    const rows: IntakeRow[] = [];
    for (const { rowNumber, raw, chosen } of batch) {
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
      rows.push(chosen ? { ...row, chosen } : row);
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
          orderedAt: true,
          scheduledDate: true,
          completedAt: true,
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
    if (!state.req.commit) return;
    await applyWrites(
      db,
      {
        channelId: state.req.channel.id,
        actorId: state.req.actorId,
        source: state.req.source,
        now: state.now,
        regions: state.regions,
        ordersThisRun: state.ordersThisRun,
        syncBundles: (orderIds, tx) => this.bundles.syncOrders(orderIds, tx),
      },
      writes,
    );
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
    if (itemChanges.length) writes.itemUpdates.push({ item: existing, changes: itemChanges });
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
    const listing = row.chosen
      ? chosenListing(row.chosen)
      : await this.resolveListing(state, db, row);
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
}

// No channel listing stands between the item and the catalog item the clerk picked.
const chosenListing = ({ productId, optionId }: ChosenItem): ListingRef => ({
  id: 0,
  productId,
  optionId,
  needsReview: false,
});

function assertAllCreated(summary: IntakeSummary): void {
  if (summary.failed) {
    const message = summary.errors.map((e) => e.message).join(' ');
    throw new DomainError('INTAKE_REJECTED', message);
  }
  if (summary.updated || summary.unchanged) throw new OrderNoTakenError();
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
