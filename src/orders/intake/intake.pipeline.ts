import { createHash } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { Channel, Prisma } from '../../generated/prisma/client';
import { EventSource } from '../../generated/prisma/enums';
import { CatalogService } from '../../catalog/catalog.service';
import type { CatalogSnapshot } from '../../catalog/catalog-snapshot';
import type { ImportField, RawOrderRow } from '../../channels/import-fields';
import { ListingRef, ListingsService, listingKeyOf } from '../../channels/listings.service';
import { PrismaService } from '../../database/prisma.service';
import { BundlesService } from '../../delivery-bundling/bundles.service';
import { PostalRegionService } from '../../postal-region/postal-region.service';
import { DomainError } from '../../shared/http/domain-error';
import type { RegionLookup } from '../../postal-region/region-lookup';
import { batchesOf } from './batches';
import { BatchWrites, applyWrites } from './intake-apply';
import { findExisting } from './intake-lookup';
import { Change, ExistingItem, ExistingOrder, diffItem, diffOrder } from './intake-plan';
import { newItemOf, newOrderOf } from './intake-new-rows';
import { ChosenItem, IntakeRow, RowError, readIntakeRow } from './intake-row';
import { WriteQueue } from './write-queue';

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
  // On commit, the caller's own writes in the run's transaction: first thing, and last
  // before it commits (so what the caller records commits or rolls back with the orders).
  atStart?: (tx: Prisma.TransactionClient) => Promise<unknown>;
  beforeCommit?: (tx: Prisma.TransactionClient, summary: IntakeSummary) => Promise<unknown>;
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
const WRITES_AHEAD = 2;
export const MAX_KEPT_ERRORS = 5000;
// One transaction for the whole file: a file that fails half-way (row cap, broken zip) must
// leave nothing behind.
const TRANSACTION_TIMEOUT_MS = 30 * 60_000;

// The plan of a row depends only on the file and on the database as it was before the run:
// what earlier batches of the same file decided is kept here, never read back. So the preview
// (which writes nothing) and the commit reach the same plan, and a batch can be planned while
// the previous ones are still being written.
interface RunState {
  req: IntakeRequest;
  catalog: CatalogSnapshot;
  regions: RegionLookup;
  listings: Map<string, ListingRef>;
  seenItems: Map<string, number>;
  // Order numbers this run creates, with the id its insert returned (0 until then).
  ordersThisRun: Map<string, number>;
  // Existing orders whose recipient, address or memo this run already changed.
  ordersChanged: Set<number>;
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
      ordersChanged: new Set(),
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
          await req.atStart?.(tx);
          await this.process(state, tx);
          if (req.newOrderOnly) assertAllCreated(state.summary);
          const planHash = state.hash.copy().digest('hex');
          if (req.expectedPlanHash && planHash !== req.expectedPlanHash)
            throw new PlanChangedError();
          await req.beforeCommit?.(tx, state.summary);
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

  // Reading and planning the next batches runs while MariaDB writes the earlier ones: the
  // file is parsed on this thread while the database works on its own core. Writes keep
  // their order, at most WRITES_AHEAD batches wait (memory stays bounded), and every write
  // has ended before the transaction commits or rolls back.
  private async process(state: RunState, db: Prisma.TransactionClient): Promise<void> {
    const writes = new WriteQueue(WRITES_AHEAD);
    try {
      for await (const batch of batchesOf(state.req.rows, BATCH)) {
        state.summary.totalRows += batch.length;
        const planned = await this.planBatch(state, db, this.readBatch(state, batch));
        if (state.req.commit && planned) {
          await writes.push(() => this.writeBatch(state, db, planned));
        }
        state.req.onProgress?.(state.summary.totalRows);
      }
      await writes.drain();
    } finally {
      await writes.settle();
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

  private async planBatch(
    state: RunState,
    db: Prisma.TransactionClient,
    rows: IntakeRow[],
  ): Promise<BatchWrites | undefined> {
    if (!rows.length) return undefined;
    const orderNos = new Set<string>();
    for (const r of rows)
      if (!state.ordersThisRun.has(r.externalOrderNo)) orderNos.add(r.externalOrderNo);
    const existing = await findExisting(db, {
      channelId: state.req.channel.id,
      itemNos: rows.map((r) => r.externalItemNo),
      orderNos: [...orderNos],
    });
    const writes = new BatchWrites();
    for (const row of rows) {
      const item = existing.items.get(row.externalItemNo);
      const order = state.ordersThisRun.has(row.externalOrderNo)
        ? undefined
        : existing.orders.get(row.externalOrderNo);
      if (item) this.planUpdate(state, row, item, order, writes);
      else await this.planCreate(state, db, row, order, writes);
    }
    return writes;
  }

  private writeBatch(
    state: RunState,
    db: Prisma.TransactionClient,
    writes: BatchWrites,
  ): Promise<void> {
    return applyWrites(
      db,
      {
        channelId: state.req.channel.id,
        actorId: state.req.actorId,
        source: state.req.source,
        now: state.now,
        regions: state.regions,
        ordersThisRun: state.ordersThisRun,
        syncKeys: (keys, tx) => this.bundles.syncKeys(keys, tx),
        syncOrders: (orderIds, tx) => this.bundles.syncOrders(orderIds, tx),
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
    const orderChanges = this.planOrderChanges(state, row, order, writes);
    const touched =
      itemChanges.length > 0 || (order !== undefined && state.ordersChanged.has(order.id));
    if (itemChanges.length) writes.itemUpdates.push({ item: existing, changes: itemChanges });
    if (touched) state.summary.updated += 1;
    else state.summary.unchanged += 1;
    state.hash.update(
      `u:${row.externalItemNo}:${JSON.stringify(itemChanges)}:${JSON.stringify(orderChanges)}\n`,
    );
  }

  // A later download's recipient, address or memo for an order the desk already has, taken
  // from the first row of that order in the file, whether that row's item is new or known.
  private planOrderChanges(
    state: RunState,
    row: IntakeRow,
    order: ExistingOrder | undefined,
    writes: BatchWrites,
  ): Change[] {
    if (!order || state.ordersChanged.has(order.id)) return [];
    const changes = diffOrder(order, row);
    if (changes.length) {
      writes.orderUpdates.set(order.id, changes);
      state.ordersChanged.add(order.id);
    }
    return changes;
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
    const orderChanges = this.planOrderChanges(state, row, order, writes);
    const sameBatchOrder = writes.newOrders.get(row.externalOrderNo);
    if (sameBatchOrder) {
      sameBatchOrder.totalAmount += row.amount;
    } else if (state.ordersThisRun.has(row.externalOrderNo)) {
      writes.addToEarlierOrder(row.externalOrderNo, row.amount);
    } else if (order) {
      writes.addToExistingOrder(order.id, row.amount);
    } else {
      writes.newOrders.set(row.externalOrderNo, newOrderOf(state.req.channel.id, row));
      state.ordersThisRun.set(row.externalOrderNo, 0);
    }
    const item = newItemOf({
      channelId: state.req.channel.id,
      orderId: order?.id ?? 0,
      doNotCombine: order?.doNotCombine,
      row,
      listing,
      product,
      region: state.regions.lookup({ postalCode: row.postalCode, address: row.address }),
      now: state.now,
    });
    writes.newItems.push({ externalOrderNo: row.externalOrderNo, item });
    state.summary.created += 1;
    state.hash.update(
      `c:${row.externalItemNo}:${listing.productId}:${listing.optionId}:${item.status}:${JSON.stringify(orderChanges)}\n`,
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
