import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { ChannelsService } from '../channels/channels.service';
import { PrismaService } from '../database/prisma.service';
import { OrderShipmentService, Shipment } from '../orders/order-shipment.service';
import type { StatusOutcome } from '../orders/order-status.service';
import { inspectUpload } from '../shared/excel/upload-guard';
import { TRACKING_MAX_BYTES, TRACKING_MAX_ROWS, readTrackingFile } from './tracking-file';
import { KeyMatch, PlannedLine, TrackedItem, planTracking } from './tracking-plan';
import { TrackingKey, parseTrackingRow, refuseRepeatedKeys } from './tracking-row';

export interface TrackingUpload {
  fileName: string;
  bytes: Buffer;
  password?: string;
  /** Only this channel's numbers; all channels when absent. */
  channelId?: number;
  actorId: number;
}

export type TrackingOutcome = 'SHIPPED' | 'RETRACKED' | 'UNCHANGED' | 'ERROR';

export interface TrackingLine extends Omit<PlannedLine, 'decision'> {
  outcome: TrackingOutcome;
  message: string | null;
}

export interface TrackingResult {
  fileName: string;
  channelName: string | null;
  lines: TrackingLine[];
}

const TRACKED_ITEM_SELECT = {
  id: true,
  version: true,
  orderId: true,
  channelId: true,
  externalItemNo: true,
  productName: true,
  status: true,
  deliveryMethod: true,
  courier: true,
  trackingNo: true,
} satisfies Prisma.OrderItemSelect;

// Keys per lookup query: the IN list stays short and each query stays on the unique index.
const LOOKUP_CHUNK = 500;

const STALE = '다른 사용자가 먼저 변경했습니다. 파일을 다시 올려 주세요.';

@Injectable()
export class TrackingUploadService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly channels: ChannelsService,
    private readonly shipments: OrderShipmentService,
  ) {}

  async upload(upload: TrackingUpload): Promise<TrackingResult> {
    const channel = upload.channelId ? await this.channels.findById(upload.channelId) : null;
    const workbook = await inspectUpload({
      bytes: upload.bytes,
      fileName: upload.fileName,
      password: upload.password,
      limits: { maxFileBytes: TRACKING_MAX_BYTES, maxRows: TRACKING_MAX_ROWS },
    });
    const rows = refuseRepeatedKeys(
      (await readTrackingFile(workbook)).map((r) => parseTrackingRow(r.rowNumber, r.cells)),
    );
    const channelIds = channel ? [channel.id] : (await this.channels.list()).map((c) => c.id);
    const keys = rows.flatMap((row) => (row.error === undefined ? [row.key] : []));
    const matchOf = await this.matcher(keys, channelIds);
    const lines = await this.applyAll(planTracking(rows, matchOf), upload);
    return { fileName: upload.fileName, channelName: channel?.name ?? null, lines };
  }

  // One order after another, each in its own transaction: a refused line holds back no
  // other, a large file does not take the whole connection pool, and the parcels of one order
  // leave together, so its customer gets one message however many rows the order has.
  private async applyAll(planned: PlannedLine[], upload: TrackingUpload): Promise<TrackingLine[]> {
    const done = new Map<PlannedLine, TrackingLine>();
    const shipping = planned.filter((l) => 'action' in l.decision && l.decision.action === 'SHIP');
    for (const lines of groupByOrder(shipping).values()) {
      const outcomes = await this.shipments.shipAll(lines.map((l) => shipmentOf(l, upload)));
      lines.forEach((line, i) => done.set(line, resultOf(line, outcomes[i], 'SHIPPED')));
    }
    for (const line of planned) {
      if (!done.has(line)) done.set(line, await this.apply(line, upload));
    }
    return planned.map((line) => done.get(line)!);
  }

  private async apply(line: PlannedLine, upload: TrackingUpload): Promise<TrackingLine> {
    const { decision, ...rest } = line;
    if ('refusal' in decision) return { ...rest, outcome: 'ERROR', message: decision.refusal };
    if (decision.action === 'UNCHANGED') return { ...rest, outcome: 'UNCHANGED', message: null };
    const outcome = await this.shipments.changeTracking(shipmentOf(line, upload));
    return resultOf(line, outcome, 'RETRACKED');
  }

  private async matcher(keys: TrackingKey[], channelIds: number[]) {
    const byItemNo = await this.itemsByItemNo(
      keys.filter((k) => k.kind === 'item').map((k) => k.value),
      channelIds,
    );
    const byOrderNo = await this.itemsByOrderNo(
      keys.filter((k) => k.kind === 'order').map((k) => k.value),
      channelIds,
    );
    return (key: TrackingKey): KeyMatch =>
      matchOf((key.kind === 'item' ? byItemNo : byOrderNo).get(key.value));
  }

  private async itemsByItemNo(itemNos: string[], channelIds: number[]): Promise<Found> {
    const found: Found = new Map();
    for (const chunk of chunks(itemNos)) {
      const items = await this.prisma.orderItem.findMany({
        where: { channelId: { in: channelIds }, externalItemNo: { in: chunk } },
        select: TRACKED_ITEM_SELECT,
      });
      for (const { channelId, ...item } of items)
        add(found, item.externalItemNo, channelId, [item]);
    }
    return found;
  }

  private async itemsByOrderNo(orderNos: string[], channelIds: number[]): Promise<Found> {
    const found: Found = new Map();
    for (const chunk of chunks(orderNos)) {
      const orders = await this.prisma.order.findMany({
        where: { channelId: { in: channelIds }, externalOrderNo: { in: chunk } },
        select: {
          channelId: true,
          externalOrderNo: true,
          items: { select: TRACKED_ITEM_SELECT, orderBy: { id: 'asc' } },
        },
      });
      for (const order of orders) {
        const items = order.items.map(({ channelId: _channel, ...item }) => item);
        add(found, order.externalOrderNo, order.channelId, items);
      }
    }
    return found;
  }
}

function shipmentOf(line: PlannedLine, upload: TrackingUpload): Shipment {
  return {
    itemId: line.item!.id,
    version: line.item!.version,
    courier: line.courier!,
    trackingNo: line.trackingNo!,
    source: 'EXCEL',
    actorId: upload.actorId,
  };
}

function resultOf(
  line: PlannedLine,
  outcome: StatusOutcome,
  applied: 'SHIPPED' | 'RETRACKED',
): TrackingLine {
  const { decision: _decision, ...rest } = line;
  if (outcome.kind === 'refused') return { ...rest, outcome: 'ERROR', message: outcome.reason };
  if (outcome.kind === 'stale') return { ...rest, outcome: 'ERROR', message: STALE };
  return { ...rest, outcome: applied, message: null };
}

function groupByOrder(lines: readonly PlannedLine[]): Map<number, PlannedLine[]> {
  const groups = new Map<number, PlannedLine[]>();
  for (const line of lines) {
    const orderId = line.item!.orderId;
    groups.set(orderId, [...(groups.get(orderId) ?? []), line]);
  }
  return groups;
}

// The items each number names, by channel: a number found in two channels is ambiguous, and
// the plan refuses it rather than guess.
type Found = Map<string, Map<number, TrackedItem[]>>;

function add(found: Found, key: string, channelId: number, items: TrackedItem[]): void {
  const byChannel = found.get(key) ?? new Map<number, TrackedItem[]>();
  byChannel.set(channelId, [...(byChannel.get(channelId) ?? []), ...items]);
  found.set(key, byChannel);
}

function matchOf(byChannel: Map<number, TrackedItem[]> | undefined): KeyMatch {
  if (!byChannel) return { channels: 0, items: [] };
  return { channels: byChannel.size, items: [...byChannel.values()].flat() };
}

function* chunks<T>(values: T[]): Generator<T[]> {
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) yield unique.slice(i, i + LOOKUP_CHUNK);
}
