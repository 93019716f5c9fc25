import { withFinalizeForms } from './order-finalize.view';

const row = (id: number, status: 'DELIVERED' | 'SHIPPED' | 'COMPLETED') => ({
  id,
  status,
  quantity: 2,
  amount: 1_780_000,
  finalQuantity: null,
  finalAmount: null,
});

describe('withFinalizeForms', () => {
  it('offers the form only on items the status machine lets complete, filled with their values', () => {
    const page = withFinalizeForms(
      { title: '주문', items: [row(1, 'DELIVERED'), row(2, 'SHIPPED'), row(3, 'COMPLETED')] },
      undefined,
    );
    expect(page.title).toBe('주문');
    expect(page.items.map((item) => item.finalize)).toEqual([
      { submitted: false, finalQuantity: 2, finalAmount: 1_780_000 },
      null,
      null,
    ]);
  });

  it('puts back what the clerk typed on the item whose form came back with errors', () => {
    const page = withFinalizeForms(
      { items: [row(1, 'DELIVERED'), row(2, 'DELIVERED')] },
      {
        itemId: 2,
        values: { finalQuantity: '0', finalAmount: '1,700,000' },
      },
    );
    expect(page.items[0].finalize).toMatchObject({ submitted: false, finalQuantity: 2 });
    expect(page.items[1].finalize).toEqual({
      submitted: true,
      finalQuantity: '0',
      finalAmount: '1,700,000',
    });
  });
});
