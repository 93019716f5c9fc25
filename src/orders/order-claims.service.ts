import { Injectable, NotFoundException } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { BundlesService } from '../delivery-bundling/bundles.service';
import { DomainError, FormValidationError } from '../shared/http/domain-error';
import { nextAddOnItemNo } from './order-add-on';
import { OrderHistoryService } from './order-history.service';
import { OrderStatusService } from './order-status.service';
import { CLAIM_REQUEST_STATUS, ClaimKind } from './order-transition';

export interface AddOnInput {
  amendsItemId: number;
  productName: string;
  optionName: string | null;
  quantity: number;
  unitPrice: number;
  reason: string | null;
}

@Injectable()
export class OrderClaimsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly status: OrderStatusService,
    private readonly history: OrderHistoryService,
    private readonly bundles: BundlesService,
  ) {}

  // A cancel, return or exchange taken by phone: the item enters the claim's "requested"
  // status through the status machine, so the same rules and version guard apply.
  open(params: {
    orderId: number;
    itemId: number;
    kind: ClaimKind;
    reason: string;
    version: number;
    actorId: number;
  }) {
    const { kind, ...rest } = params;
    return this.status.change({ ...rest, to: CLAIM_REQUEST_STATUS[kind] });
  }

  // An extra item the customer ordered later, linked to the item it goes with so that it
  // travels in the same delivery stop.
  async addOn(params: { orderId: number; input: AddOnInput; actorId: number }) {
    const { orderId, input, actorId } = params;
    return this.prisma.$transaction(async (tx) => {
      // Add-ons of one order take turns, so two clerks never pick the same -A number.
      const locked = await tx.$queryRaw<
        unknown[]
      >`SELECT id FROM \`Order\` WHERE id = ${orderId} FOR UPDATE`;
      if (!locked.length) throw new NotFoundException();
      const order = await tx.order.findUniqueOrThrow({
        where: { id: orderId },
        select: { channelId: true, externalOrderNo: true },
      });
      const amended = await tx.orderItem.findFirst({
        where: { id: input.amendsItemId, orderId },
      });
      if (!amended) {
        throw new FormValidationError({ amendsItemId: '이 주문의 항목을 선택하세요.' });
      }
      if (amended.claimType === 'CANCEL') {
        throw new DomainError(
          'ADD_ON_TO_CANCELLED',
          '취소된 항목에는 추가 주문을 연결할 수 없습니다.',
        );
      }
      const taken = await tx.orderItem.findMany({
        where: {
          channelId: order.channelId,
          externalItemNo: { startsWith: `${order.externalOrderNo}-A` },
        },
        select: { externalItemNo: true },
      });
      const externalItemNo = nextAddOnItemNo(
        order.externalOrderNo,
        taken.map((t) => t.externalItemNo),
      );
      if (!externalItemNo) {
        throw new DomainError(
          'ADD_ON_NUMBER',
          '주문번호가 너무 길어 추가 주문 번호를 만들 수 없습니다.',
        );
      }
      const now = new Date();
      const amount = input.quantity * input.unitPrice;
      const item = await tx.orderItem.create({
        data: {
          orderId,
          channelId: order.channelId,
          externalItemNo,
          productName: input.productName,
          optionName: input.optionName,
          quantity: input.quantity,
          unitPrice: input.unitPrice,
          amount,
          status: 'NEW',
          claimType: 'ADD_ON',
          claimReason: input.reason,
          amendsItemId: amended.id,
          // Rides with the item it amends: same delivery method, stop and region.
          deliveryMethod: amended.deliveryMethod,
          bundleNo: amended.bundleNo,
          bundleKey: amended.bundleKey,
          regionSido: amended.regionSido,
          regionSigungu: amended.regionSigungu,
          orderedAt: now,
          lifeDate: now,
          // Typed by hand, not picked from the catalog: a clerk links it to a product later.
          needsReview: true,
        },
      });
      await tx.order.update({
        where: { id: orderId },
        data: { totalAmount: { increment: amount } },
      });
      // Joins the open stop of the item it amends, or starts the next one if that left.
      await this.bundles.syncKeys([item.bundleKey], tx);
      await this.history.record(tx, [
        {
          orderId,
          itemId: item.id,
          actorId,
          source: 'USER',
          type: 'CLAIM',
          fromValue: null,
          toValue: 'ADD_ON',
          detail: {
            amendsItemNo: amended.externalItemNo,
            productName: item.productName,
            quantity: item.quantity,
            unitPrice: item.unitPrice,
            ...(input.reason ? { reason: input.reason } : {}),
          },
        },
      ]);
      return item;
    });
  }
}
