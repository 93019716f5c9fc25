import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { ChannelsService } from '../channels/channels.service';
import { PrismaService } from '../database/prisma.service';
import { OrderShipmentService } from '../orders/order-shipment.service';
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
    const lines: TrackingLine[] = [];
    // One item after another, each in its own transaction: a refused item holds back no other,
    // and a large file does not take the whole connection pool.
    for (const line of planTracking(rows, matchOf)) lines.push(await this.apply(line, upload));
    return { fileName: upload.fileName, channelName: channel?.name ?? null, lines };
  }

  private async apply(line: PlannedLine, upload: TrackingUpload): Promise<TrackingLine> {
    const { decision, ...rest } = line;
    if ('refusal' in decision) return { ...rest, outcome: 'ERROR', message: decision.refusal };
    if (decision.action === 'UNCHANGED') return { ...rest, outcome: 'UNCHANGED', message: null };
    const item = line.item!;
    const shipment = {
      itemId: item.id,
      version: item.version,
      courier: line.courier!,
      trackingNo: line.trackingNo!,
      source: 'EXCEL' as const,
      actorId: upload.actorId,
    };
    const outcome =
      decision.action === 'SHIP'
        ? await this.shipments.ship(shipment)
        : await this.shipments.changeTracking(shipment);
    if (outcome.kind === 'refused') return { ...rest, outcome: 'ERROR', message: outcome.reason };
    if (outcome.kind === 'stale') return { ...rest, outcome: 'ERROR', message: STALE };
    return {
      ...rest,
      outcome: decision.action === 'SHIP' ? 'SHIPPED' : 'RETRACKED',
      message: null,
    };
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
