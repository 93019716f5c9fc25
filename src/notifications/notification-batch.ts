import type { NotificationEvent } from './notification-events';
import type { MessageItem, MessageRecipient } from './notification-message';

export interface QueuedMessage {
  orderId: number;
  event: NotificationEvent;
  recipient: MessageRecipient;
  items: MessageItem[];
  // Set once the message's row is written.
  rowId?: number;
}

export interface BatchChange {
  // The message the item is now in: to write, or to rewrite when it already has a row.
  message: QueuedMessage;
  // Messages the item moved out of: to rewrite, or to drop once they hold no item.
  left: QueuedMessage[];
}

// The messages of one transaction. Items of an order that change together (a stop marked
// delivered) make one message per order and event, and an item that moves on within the same
// transaction (출발 then 완료) is only told where it ended up. Messages of other transactions
// are never touched: they may already be on their way.
export class NotificationBatch {
  private messages: QueuedMessage[] = [];

  add(entry: {
    orderId: number;
    event: NotificationEvent;
    recipient: MessageRecipient;
    item: MessageItem;
  }): BatchChange {
    const { orderId, event, recipient, item } = entry;
    const left = this.messages.filter(
      (m) => m.orderId === orderId && m.event !== event && m.items.some(isItem(item)),
    );
    for (const m of left) m.items = m.items.filter((i) => !isItem(item)(i));
    this.messages = this.messages.filter((m) => m.items.length > 0);

    let message = this.messages.find((m) => m.orderId === orderId && m.event === event);
    if (!message) {
      message = { orderId, event, recipient, items: [] };
      this.messages.push(message);
    }
    message.recipient = recipient;
    const at = message.items.findIndex(isItem(item));
    if (at >= 0) message.items[at] = item;
    else message.items.push(item);
    return { message, left };
  }
}

const isItem = (item: MessageItem) => (other: MessageItem) => other.itemId === item.itemId;
