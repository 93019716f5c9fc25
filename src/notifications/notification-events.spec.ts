import { eventLabel, notificationEventFor } from './notification-events';

describe('notificationEventFor', () => {
  it('tells the customer when a parcel is dispatched or the delivery team sets off', () => {
    expect(notificationEventFor('PREPARING', 'SHIPPED')).toBe('SHIPPED');
    expect(notificationEventFor('PREPARING', 'OUT_FOR_DELIVERY')).toBe('OUT_FOR_DELIVERY');
  });

  it('tells the customer about a delivery that follows a dispatch', () => {
    expect(notificationEventFor('SHIPPED', 'DELIVERED')).toBe('DELIVERED');
    expect(notificationEventFor('OUT_FOR_DELIVERY', 'DELIVERED')).toBe('DELIVERED');
  });

  it('stays quiet when a withdrawn return or exchange puts an item back to delivered', () => {
    expect(notificationEventFor('RETURN_REQUESTED', 'DELIVERED')).toBeNull();
    expect(notificationEventFor('EXCHANGE_REQUESTED', 'DELIVERED')).toBeNull();
  });

  it('stays quiet for the desk’s own steps and for claims', () => {
    expect(notificationEventFor('NEW', 'CONFIRMED')).toBeNull();
    expect(notificationEventFor('CONFIRMED', 'PREPARING')).toBeNull();
    expect(notificationEventFor('DELIVERED', 'COMPLETED')).toBeNull();
    expect(notificationEventFor('SHIPPED', 'RETURN_REQUESTED')).toBeNull();
  });

  it('labels events in Korean and shows an unknown one as stored', () => {
    expect(eventLabel('OUT_FOR_DELIVERY')).toBe('배송 출발');
    expect(eventLabel('SOMETHING_ELSE')).toBe('SOMETHING_ELSE');
  });
});
