import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { BundlesService } from '../delivery-bundling/bundles.service';
import { PostalRegionService } from '../postal-region/postal-region.service';
import { DomainError } from '../shared/http/domain-error';
import { lifeDateOf } from './order-status';
import { OrderHistoryService, Tx } from './order-history.service';
import { OrderDeliveryFields, itemBundleKey, regionColumns } from './order-item-delivery';
import { RecipientFields, recipientChanges } from './order-recipient-changes';

const EDIT_ORDER_SELECT = {
  id: true,
  channelId: true,
  version: true,
  recipientName: true,
  recipientPhone: true,
  postalCode: true,
  address: true,
  addressDetail: true,
  requestedDate: true,
  memo: true,
  doNotCombine: true,
} satisfies Prisma.OrderSelect;

type EditableOrder = Prisma.OrderGetPayload<{ select: typeof EDIT_ORDER_SELECT }>;

type Region = ReturnType<typeof regionColumns>;

const orderChangedError = () =>
  new DomainError(
    'ORDER_CHANGED',
    '다른 사용자가 먼저 변경했습니다. 새로고침 후 다시 확인하세요.',
    HttpStatus.CONFLICT,
  );

@Injectable()
export class OrderEditService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly regions: PostalRegionService,
    private readonly history: OrderHistoryService,
    private readonly bundles: BundlesService,
  ) {}

  // Corrects who receives the order and where/when; every item follows to its new region
  // and delivery stop. Returns how many fields changed (0: nothing was written).
  async updateRecipient(params: {
    orderId: number;
    version: number;
    fields: RecipientFields;
    actorId: number;
  }): Promise<number> {
    const { orderId, version, fields, actorId } = params;
    // Classified before the transaction: the lookup may reload overrides, which must not
    // hold the order's row lock.
    const region = regionColumns(
      await this.regions.classify({ postalCode: fields.postalCode, address: fields.address }),
    );
    return this.prisma.$transaction(async (tx) => {
      const before = await this.lockedOrder(tx, orderId, version);
      const changes = recipientChanges(before, fields);
      if (!changes.length) return 0;
      const after = { ...before, ...fields };
      await this.saveOrder(tx, before, fields);
      await this.rederiveItems(tx, after, region, before.requestedDate);
      await this.history.record(
        tx,
        changes.map((change) => ({ ...change, orderId, actorId, source: 'USER' })),
      );
      return changes.length;
    });
  }

  // "Do not combine" keeps the order's items out of any shared delivery stop.
  async setDoNotCombine(params: {
    orderId: number;
    version: number;
    doNotCombine: boolean;
    actorId: number;
  }): Promise<boolean> {
    const { orderId, version, doNotCombine, actorId } = params;
    return this.prisma.$transaction(async (tx) => {
      const before = await this.lockedOrder(tx, orderId, version);
      if (before.doNotCombine === doNotCombine) return false;
      await this.saveOrder(tx, before, { doNotCombine });
      await this.rederiveItems(tx, { ...before, doNotCombine }, null, before.requestedDate);
      await this.history.record(tx, [
        {
          orderId,
          actorId,
          source: 'USER',
          type: 'ADDRESS',
          fromValue: combineLabel(before.doNotCombine),
          toValue: combineLabel(doNotCombine),
          detail: { field: 'doNotCombine', label: '묶음배송' },
        },
      ]);
      return true;
    });
  }

  // FOR UPDATE: the items are re-derived from the order as it is written here, so nobody may
  // change the order between this read and the end of the transaction.
  private async lockedOrder(tx: Tx, orderId: number, version: number): Promise<EditableOrder> {
    const locked = await tx.$queryRaw<
      unknown[]
    >`SELECT id FROM \`Order\` WHERE id = ${orderId} FOR UPDATE`;
    if (!locked.length) throw new NotFoundException();
    const order = await tx.order.findUniqueOrThrow({
      where: { id: orderId },
      select: EDIT_ORDER_SELECT,
    });
    if (order.version !== version) throw orderChangedError();
    return order;
  }

  private async saveOrder(tx: Tx, before: EditableOrder, data: Prisma.OrderUpdateInput) {
    const { count } = await tx.order.updateMany({
      where: { id: before.id, version: before.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw orderChangedError();
  }

  // Region and bundle key are columns of the item (the list and the delivery view filter on
  // them), so they are rewritten whenever the order's delivery details change. The item's
  // own version is left alone: these columns never conflict with a status change.
  private async rederiveItems(
    tx: Tx,
    order: OrderDeliveryFields & { requestedDate: Date | null },
    region: Region | null,
    previousRequestedDate: Date | null,
  ): Promise<void> {
    const items = await tx.orderItem.findMany({
      where: { orderId: order.id },
      select: {
        id: true,
        bundleNo: true,
        status: true,
        orderedAt: true,
        scheduledDate: true,
        completedAt: true,
      },
    });
    for (const item of items) {
      // An item still scheduled for the day the customer asked moves with that day; one the
      // delivery team has scheduled otherwise keeps its date.
      const followsRequest = sameDay(item.scheduledDate, previousRequestedDate);
      const scheduledDate = followsRequest ? order.requestedDate : item.scheduledDate;
      await tx.orderItem.update({
        where: { id: item.id },
        data: {
          ...region,
          bundleKey: itemBundleKey(order, item),
          scheduledDate,
          lifeDate: lifeDateOf({ ...item, scheduledDate }),
        },
      });
    }
    // The items may now belong to another stop, and their old stop's header may change.
    await this.bundles.syncOrders([order.id], tx);
  }
}

function sameDay(a: Date | null, b: Date | null): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}

const combineLabel = (doNotCombine: boolean) => (doNotCombine ? '따로 배송' : '묶음 허용');
