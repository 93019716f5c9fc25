import { NotificationBatch } from './notification-batch';
import type { MessageItem } from './notification-message';

const recipient = { orderNo: 'A-1', name: '김민준', phone: '010-1234-5678' };
const item = (itemId: number): MessageItem => ({
  itemId,
  productName: `상품 ${itemId}`,
  optionName: null,
  courier: null,
  trackingNo: null,
});
const ids = (items: MessageItem[]) => items.map((i) => i.itemId);

describe('NotificationBatch', () => {
  it('puts items of one order reaching the same event into one message', () => {
    const batch = new NotificationBatch();
    const first = batch.add({ orderId: 1, event: 'DELIVERED', recipient, item: item(10) });
    first.message.rowId = 99;
    const second = batch.add({ orderId: 1, event: 'DELIVERED', recipient, item: item(11) });
    expect(second.message).toBe(first.message);
    expect(second.message).toMatchObject({ rowId: 99 });
    expect(ids(second.message.items)).toEqual([10, 11]);
    expect(second.left).toEqual([]);
  });

  it('keeps orders and events apart', () => {
    const batch = new NotificationBatch();
    const a = batch.add({ orderId: 1, event: 'SHIPPED', recipient, item: item(10) });
    const b = batch.add({ orderId: 2, event: 'SHIPPED', recipient, item: item(20) });
    const c = batch.add({ orderId: 1, event: 'OUT_FOR_DELIVERY', recipient, item: item(11) });
    expect(new Set([a.message, b.message, c.message]).size).toBe(3);
  });

  it('moves an item that goes on to a later event out of its earlier message', () => {
    const batch = new NotificationBatch();
    const leaving = batch.add({ orderId: 1, event: 'OUT_FOR_DELIVERY', recipient, item: item(10) });
    batch.add({ orderId: 1, event: 'OUT_FOR_DELIVERY', recipient, item: item(11) });
    const arrived = batch.add({ orderId: 1, event: 'DELIVERED', recipient, item: item(10) });
    expect(arrived.left).toEqual([leaving.message]);
    expect(ids(leaving.message.items)).toEqual([11]);
    expect(ids(arrived.message.items)).toEqual([10]);
  });

  it('empties a message whose every item moved on, and starts afresh for that event later', () => {
    const batch = new NotificationBatch();
    const leaving = batch.add({ orderId: 1, event: 'OUT_FOR_DELIVERY', recipient, item: item(10) });
    const arrived = batch.add({ orderId: 1, event: 'DELIVERED', recipient, item: item(10) });
    expect(arrived.left).toEqual([leaving.message]);
    expect(leaving.message.items).toEqual([]);
    const again = batch.add({ orderId: 1, event: 'OUT_FOR_DELIVERY', recipient, item: item(12) });
    expect(again.message).not.toBe(leaving.message);
  });

  it('counts an item once when it reaches the same event twice, with its latest details', () => {
    const batch = new NotificationBatch();
    batch.add({ orderId: 1, event: 'SHIPPED', recipient, item: item(10) });
    const again = batch.add({
      orderId: 1,
      event: 'SHIPPED',
      recipient,
      item: { ...item(10), trackingNo: '123' },
    });
    expect(again.message.items).toEqual([{ ...item(10), trackingNo: '123' }]);
  });
});
