import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { ItemStatus } from '../generated/prisma/enums';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.provider';
import { NotificationBatch, QueuedMessage } from './notification-batch';
import { NotificationDispatcher } from './notification-dispatcher';
import { notificationEventFor } from './notification-events';
import { messageBody } from './notification-message';
import { NOTIFICATION_PROVIDER, type NotificationProvider } from './notification-provider';

type Tx = Prisma.TransactionClient;

const MESSAGE_ITEM_SELECT = {
  id: true,
  orderId: true,
  productName: true,
  optionName: true,
  courier: true,
  trackingNo: true,
  order: { select: { externalOrderNo: true, recipientName: true, recipientPhone: true } },
} satisfies Prisma.OrderItemSelect;

// The outbox: a message is written in the transaction of the status change it tells about, so
// the log never holds a message for a change that was rolled back nor misses one that was kept;
// it is sent after the commit.
@Injectable()
export class NotificationsService {
  // A transaction's client object lives exactly as long as the transaction.
  private readonly batches = new WeakMap<Tx, NotificationBatch>();

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @Inject(NOTIFICATION_PROVIDER) private readonly provider: NotificationProvider,
    private readonly dispatcher: NotificationDispatcher,
  ) {}

  async enqueue(
    tx: Tx,
    change: { itemId: number; from: ItemStatus; to: ItemStatus },
  ): Promise<void> {
    const event = notificationEventFor(change.from, change.to);
    if (!event) return;
    const item = await tx.orderItem.findUniqueOrThrow({
      where: { id: change.itemId },
      select: MESSAGE_ITEM_SELECT,
    });
    const { message, left } = this.batchOf(tx).add({
      orderId: item.orderId,
      event,
      recipient: {
        orderNo: item.order.externalOrderNo,
        name: item.order.recipientName,
        phone: item.order.recipientPhone,
      },
      item: {
        itemId: item.id,
        productName: item.productName,
        optionName: item.optionName,
        courier: item.courier,
        trackingNo: item.trackingNo,
      },
    });
    for (const earlier of left) await this.write(tx, earlier);
    await this.write(tx, message);
  }

  private batchOf(tx: Tx): NotificationBatch {
    let batch = this.batches.get(tx);
    if (!batch) {
      batch = new NotificationBatch();
      this.batches.set(tx, batch);
    }
    return batch;
  }

  private async write(tx: Tx, message: QueuedMessage): Promise<void> {
    if (!message.items.length) {
      if (message.rowId) await tx.notification.delete({ where: { id: message.rowId } });
      return;
    }
    const data = {
      itemId: message.items[0].itemId,
      recipient: message.recipient.phone,
      event: message.event,
      body: messageBody({ sender: this.config.company.name, ...message }),
    };
    if (message.rowId) {
      await tx.notification.update({ where: { id: message.rowId }, data });
      return;
    }
    const row = await tx.notification.create({
      data: { ...data, provider: this.provider.name, nextAttemptAt: new Date() },
      select: { id: true },
    });
    message.rowId = row.id;
    this.dispatcher.sendAfterCommit(row.id);
  }
}
