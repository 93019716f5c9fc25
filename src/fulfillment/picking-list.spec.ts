import { PickItem, pickingTally } from './picking-list';

const pick = (over: Partial<PickItem>): PickItem => ({
  productId: 1,
  optionId: 10,
  productName: '슬립웨이브 매트리스',
  optionName: 'Q',
  deliveryMethod: 'OWN_TEAM',
  quantity: 1,
  finalQuantity: null,
  ...over,
});

const linesOf = (items: PickItem[][]) => {
  const tally = pickingTally();
  for (const batch of items) tally.add(batch);
  return tally.lines();
};

describe('pickingTally', () => {
  it('adds up quantities per product and option across batches', () => {
    const lines = linesOf([
      [pick({ quantity: 2 }), pick({ optionId: 11, optionName: 'K' })],
      [pick({ quantity: 1 })],
    ]);
    expect(lines.map((l) => [l.optionName, l.quantity, l.items])).toEqual([
      ['K', 1, 1],
      ['Q', 3, 2],
    ]);
  });

  it('counts a renamed catalog product as one line and unlinked items by their names', () => {
    const lines = linesOf([
      [
        pick({ productName: '슬립웨이브 매트리스' }),
        pick({ productName: '슬립웨이브 매트리스 (구형 이름)' }),
        pick({ productId: null, optionId: null, productName: '신제품 X1', optionName: 'S' }),
        pick({ productId: null, optionId: null, productName: '신제품 X1', optionName: 'S' }),
      ],
    ]);
    expect(lines.map((l) => [l.productName, l.quantity])).toEqual([
      ['슬립웨이브 매트리스', 2],
      ['신제품 X1', 2],
    ]);
  });

  it('keeps the team’s truck and the parcels apart, and uses the final quantity when set', () => {
    const lines = linesOf([
      [pick({ deliveryMethod: 'COURIER', quantity: 3, finalQuantity: 2 }), pick({ quantity: 1 })],
    ]);
    expect(lines.map((l) => [l.methodLabel, l.quantity])).toEqual([
      ['택배', 2],
      ['자체배송', 1],
    ]);
  });
});
