import { Injectable, NotFoundException } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { DomainError, FormValidationError } from '../shared/http/domain-error';
import {
  FinalDifference,
  ORDER_TOTAL_MAX,
  finalDifference,
  finalizeEvents,
  orderTotalOf,
  parseFinalInput,
} from './order-finalize';
import { OrderHistoryService } from './order-history.service';
import { OrderStatusService, STATUS_ITEM_SELECT, itemChangedError } from './order-status.service';

const FINALIZE_ITEM_SELECT = {
  ...STATUS_ITEM_SELECT,
  quantity: true,
  amount: true,
  finalQuantity: true,
  finalAmount: true,
} satisfies Prisma.OrderItemSelect;

export interface FinalizeResult {
  externalItemNo: string;
  difference: FinalDifference;
  totalAmount: number;
}

@Injectable()
export class OrderFinalizeService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly status: OrderStatusService,
    private readonly history: OrderHistoryService,
  ) {}

  // Seed 000: an item is closed with what was really delivered or agreed, and the order's
  // total follows. The item completes through the status machine, so only an item the
  // machine lets complete (a delivered one) can be finalised, under the same version guard.
  async finalize(params: {
    orderId: number;
    itemId: number;
    version: number;
    finalQuantity: string;
    finalAmount: string;
    actorId: number;
  }): Promise<FinalizeResult> {
    const { orderId, itemId, version, actorId } = params;
    const parsed = parseFinalInput(params);
    if ('errors' in parsed) throw new FormValidationError(parsed.errors);
    const final = parsed.values;
    return this.prisma.$transaction(async (tx) => {
      // The total is summed over every item of the order: finalising two items of one order
      // takes turns on the order's row, so neither sum misses the other's amount.
      const locked = await tx.$queryRaw<
        unknown[]
      >`SELECT id FROM \`Order\` WHERE id = ${orderId} FOR UPDATE`;
      if (!locked.length) throw new NotFoundException();
      const item = await tx.orderItem.findFirst({
        where: { id: itemId, orderId },
        select: FINALIZE_ITEM_SELECT,
      });
      if (!item) throw new NotFoundException();
      if (item.version !== version) throw itemChangedError();
      const outcome = await this.status.apply(tx, item, {
        to: 'COMPLETED',
        source: 'USER',
        actorId,
      });
      if (outcome.kind === 'refused') throw new DomainError('STATUS_REFUSED', outcome.reason);
      if (outcome.kind === 'stale') throw itemChangedError();
      await tx.orderItem.update({
        where: { id: itemId },
        data: { finalQuantity: final.quantity, finalAmount: final.amount },
      });
      const { totalAmount: totalBefore } = await tx.order.findUniqueOrThrow({
        where: { id: orderId },
        select: { totalAmount: true },
      });
      const totalAfter = orderTotalOf(
        await tx.orderItem.findMany({
          where: { orderId },
          select: { amount: true, finalAmount: true },
        }),
      );
      if (totalAfter > ORDER_TOTAL_MAX) {
        throw new DomainError(
          'ORDER_TOTAL_TOO_LARGE',
          '주문금액 합계가 너무 큽니다. 최종 금액을 확인하세요.',
        );
      }
      if (totalAfter !== totalBefore) {
        await tx.order.update({ where: { id: orderId }, data: { totalAmount: totalAfter } });
      }
      const difference = finalDifference(item, final);
      await this.history.record(
        tx,
        finalizeEvents({ orderId, itemId, actorId, difference, totalBefore, totalAfter }),
      );
      return { externalItemNo: item.externalItemNo, difference, totalAmount: totalAfter };
    });
  }
}
