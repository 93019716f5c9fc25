import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { EventSource } from '../generated/prisma/enums';
import type { OrderEventType } from './order-event-types';

export type Tx = Prisma.TransactionClient;

export interface OrderEventInput {
  orderId: number;
  itemId?: number | null;
  actorId?: number | null;
  source: EventSource;
  type: OrderEventType;
  fromValue?: string | null;
  toValue?: string | null;
  detail?: Prisma.InputJsonValue;
}

// Every change to an order is written in the transaction that makes it, so the history can
// never show a change that was rolled back, nor miss one that was kept.
@Injectable()
export class OrderHistoryService {
  async record(tx: Tx, events: readonly OrderEventInput[]): Promise<void> {
    if (events.length) await tx.orderEvent.createMany({ data: [...events] });
  }
}
