import { Injectable } from '@nestjs/common';
import { EventSource } from '../generated/prisma/enums';
import { PrismaErrorCode } from '../database/prisma-error-codes';
import { PrismaService } from '../database/prisma.service';
import { OrderEventInput, OrderHistoryService, Tx } from './order-history.service';
import { OrderStatusService, STATUS_ITEM_SELECT, StatusOutcome } from './order-status.service';

// A courier parcel for one item, as read by the caller at `version`.
export interface Shipment {
  itemId: number;
  version: number;
  courier: string;
  trackingNo: string;
  source: EventSource;
  actorId: number | null;
}

const SHIPMENT_ITEM_SELECT = {
  ...STATUS_ITEM_SELECT,
  deliveryMethod: true,
  courier: true,
  trackingNo: true,
} as const;

class ShipmentNotApplied extends Error {
  constructor(readonly outcome: StatusOutcome) {
    super('shipment not applied');
  }
}

const NOT_BY_COURIER = '자체 배송팀이 배송하는 상품이라 택배 송장을 등록하지 않습니다.';

// Courier and tracking number are written with the status change that they justify, in one
// transaction, so an item is never SHIPPED without its parcel nor holds a parcel it never left in.
@Injectable()
export class OrderShipmentService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly status: OrderStatusService,
    private readonly history: OrderHistoryService,
  ) {}

  // PREPARING → SHIPPED with the parcel; the status machine has the last word. The parcels of
  // one order go in one transaction, so the customer gets one message for the order (the
  // outbox merges per transaction). Each item is checked before anything is written, so a
  // refused item leaves the others shipping; an item changed meanwhile by someone else (or a
  // deadlock with them) rolls the order back, and its items are then shipped one by one.
  async shipAll(shipments: readonly Shipment[]): Promise<StatusOutcome[]> {
    // Rows taken in id order: two such uploads on one order cannot deadlock each other.
    const byId = [...shipments.keys()].sort((a, b) => shipments[a].itemId - shipments[b].itemId);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const outcomes: StatusOutcome[] = [];
        for (const i of byId) outcomes[i] = await this.shipIn(tx, shipments[i]);
        return outcomes;
      });
    } catch (error) {
      const conflict = (error as { code?: string }).code === PrismaErrorCode.TransactionConflict;
      if (!(error instanceof ShipmentNotApplied) && !conflict) throw error;
      if (shipments.length === 1) {
        return [error instanceof ShipmentNotApplied ? error.outcome : { kind: 'stale' }];
      }
      const outcomes: StatusOutcome[] = [];
      for (const shipment of shipments) outcomes.push(...(await this.shipAll([shipment])));
      return outcomes;
    }
  }

  // The parcel is written before the status so that whatever the change triggers (the
  // customer's message) sees the tracking number.
  private async shipIn(tx: Tx, shipment: Shipment): Promise<StatusOutcome> {
    const item = await tx.orderItem.findFirst({
      where: { id: shipment.itemId, version: shipment.version },
      select: SHIPMENT_ITEM_SELECT,
    });
    if (!item) return { kind: 'stale' };
    if (item.deliveryMethod !== 'COURIER') return { kind: 'refused', reason: NOT_BY_COURIER };
    const parcelled = { ...item, courier: shipment.courier, trackingNo: shipment.trackingNo };
    const refusal = this.status.refusal(parcelled, 'SHIPPED');
    if (refusal) return { kind: 'refused', reason: refusal };
    await this.writeParcel(tx, item, shipment);
    const outcome = await this.status.apply(tx, parcelled, {
      to: 'SHIPPED',
      source: shipment.source,
      actorId: shipment.actorId,
    });
    if (outcome.kind !== 'applied') throw new ShipmentNotApplied(outcome);
    return outcome;
  }

  // A corrected parcel for an item already on its way; nothing else about it changes.
  changeTracking(shipment: Shipment): Promise<StatusOutcome> {
    return this.prisma.$transaction(async (tx) => {
      const item = await tx.orderItem.findFirst({
        where: {
          id: shipment.itemId,
          version: shipment.version,
          status: 'SHIPPED',
          deliveryMethod: 'COURIER',
        },
        select: SHIPMENT_ITEM_SELECT,
      });
      if (!item) return { kind: 'stale' };
      if (item.courier === shipment.courier && item.trackingNo === shipment.trackingNo) {
        return { kind: 'refused', reason: '이미 같은 송장이 등록되어 있습니다.' };
      }
      const { count } = await tx.orderItem.updateMany({
        where: { id: item.id, version: item.version },
        data: { version: { increment: 1 } },
      });
      if (count === 0) return { kind: 'stale' };
      await this.writeParcel(tx, item, shipment);
      return { kind: 'applied' };
    });
  }

  private async writeParcel(
    tx: Tx,
    item: { id: number; orderId: number; courier: string | null; trackingNo: string | null },
    shipment: Shipment,
  ): Promise<void> {
    await tx.orderItem.update({
      where: { id: item.id },
      data: { courier: shipment.courier, trackingNo: shipment.trackingNo },
    });
    const base = {
      orderId: item.orderId,
      itemId: item.id,
      actorId: shipment.actorId,
      source: shipment.source,
      type: 'TRACKING',
    } as const;
    const events: OrderEventInput[] = [];
    if (item.courier !== shipment.courier) {
      events.push({
        ...base,
        fromValue: item.courier,
        toValue: shipment.courier,
        detail: { field: 'courier', label: '택배사' },
      });
    }
    if (item.trackingNo !== shipment.trackingNo) {
      events.push({
        ...base,
        fromValue: item.trackingNo,
        toValue: shipment.trackingNo,
        detail: { field: 'trackingNo', label: '송장번호' },
      });
    }
    await this.history.record(tx, events);
  }
}
