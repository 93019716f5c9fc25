import {
  finalDifference,
  finalizeEvents,
  finalizedMessage,
  orderTotalOf,
  parseFinalInput,
} from './order-finalize';

const item = { quantity: 2, amount: 1_780_000, finalQuantity: null, finalAmount: null };

describe('parseFinalInput', () => {
  it('reads a quantity and an amount written with or without thousands separators', () => {
    expect(parseFinalInput({ finalQuantity: ' 2 ', finalAmount: '1,700,000' })).toEqual({
      values: { quantity: 2, amount: 1_700_000 },
    });
    expect(parseFinalInput({ finalQuantity: '1', finalAmount: '890000' })).toEqual({
      values: { quantity: 1, amount: 890_000 },
    });
  });

  it('accepts a free replacement at 0 won', () => {
    expect(parseFinalInput({ finalQuantity: '1', finalAmount: '0' })).toEqual({
      values: { quantity: 1, amount: 0 },
    });
  });

  it('refuses nothing delivered, fractions, signs and text, naming each field in Korean', () => {
    for (const finalQuantity of ['0', '', '1.5', '-1', '두 개', '1000']) {
      const result = parseFinalInput({ finalQuantity, finalAmount: '1000' });
      expect(result).toEqual({
        errors: { finalQuantity: '최종 수량은 1~999 사이의 정수로 입력하세요.' },
      });
    }
    for (const finalAmount of ['', '-1000', '1,00,000', '12.5', '1000000001', '₩1000']) {
      const result = parseFinalInput({ finalQuantity: '1', finalAmount });
      expect(result).toEqual({
        errors: { finalAmount: '최종 금액은 0원~10억 원 사이의 정수로 입력하세요.' },
      });
    }
  });

  it('reports both fields at once when both are wrong', () => {
    const result = parseFinalInput({ finalQuantity: 'x', finalAmount: 'y' });
    expect('errors' in result && Object.keys(result.errors)).toEqual([
      'finalQuantity',
      'finalAmount',
    ]);
  });
});

describe('orderTotalOf', () => {
  it('sums every item at its final amount where one is recorded', () => {
    expect(
      orderTotalOf([
        { amount: 1_780_000, finalAmount: 1_700_000 },
        { amount: 50_000, finalAmount: null },
        { amount: 30_000, finalAmount: 0 },
      ]),
    ).toBe(1_750_000);
  });
});

describe('finalDifference', () => {
  it('compares with what the item counted before: requested values, or an earlier final', () => {
    expect(finalDifference(item, { quantity: 2, amount: 1_700_000 })).toEqual({
      before: { quantity: 2, amount: 1_780_000 },
      after: { quantity: 2, amount: 1_700_000 },
      amountChange: -80_000,
    });
    const refinalised = { ...item, finalQuantity: 1, finalAmount: 890_000 };
    expect(finalDifference(refinalised, { quantity: 1, amount: 900_000 }).amountChange).toBe(
      10_000,
    );
  });
});

describe('finalizeEvents', () => {
  const difference = finalDifference(item, { quantity: 1, amount: 900_000 });

  it('keeps both sides of the item and of the order total in the history', () => {
    const events = finalizeEvents({
      orderId: 7,
      itemId: 70,
      actorId: 3,
      difference,
      totalBefore: 1_830_000,
      totalAfter: 950_000,
    });
    expect(events).toEqual([
      expect.objectContaining({
        orderId: 7,
        itemId: 70,
        actorId: 3,
        source: 'USER',
        type: 'FINALIZE',
        fromValue: '수량 2 · 1,780,000원',
        toValue: '수량 1 · 900,000원',
        detail: expect.objectContaining({ amountChange: -880_000 }),
      }),
      expect.objectContaining({
        type: 'FINALIZE',
        fromValue: '1,830,000원',
        toValue: '950,000원',
        detail: expect.objectContaining({ label: '주문금액' }),
      }),
    ]);
    expect(events[1].itemId).toBeUndefined();
  });

  it('writes no order row when the total did not move', () => {
    const events = finalizeEvents({
      orderId: 7,
      itemId: 70,
      actorId: 3,
      difference,
      totalBefore: 950_000,
      totalAfter: 950_000,
    });
    expect(events).toHaveLength(1);
  });
});

describe('finalizedMessage', () => {
  it('tells the clerk the final values and the difference with its sign', () => {
    expect(finalizedMessage('P-1', finalDifference(item, { quantity: 2, amount: 1_800_000 }))).toBe(
      'P-1을(를) 최종 확정했습니다: 수량 2 · 1,800,000원 (차액 +20,000원).',
    );
    expect(finalizedMessage('P-1', finalDifference(item, { quantity: 2, amount: 1_780_000 }))).toBe(
      'P-1을(를) 최종 확정했습니다: 수량 2 · 1,780,000원 (차액 없음).',
    );
  });
});
