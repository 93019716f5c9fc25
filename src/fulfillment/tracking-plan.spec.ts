import { KeyMatch, TrackedItem, planTracking } from './tracking-plan';
import { TrackingKey, parseTrackingRow } from './tracking-row';

let nextId = 1;
const tracked = (over: Partial<TrackedItem> = {}): TrackedItem => {
  const id = nextId++;
  return {
    id,
    version: 0,
    orderId: 1,
    externalItemNo: `ITEM-${id}`,
    productName: '메모리폼 베개',
    status: 'PREPARING',
    deliveryMethod: 'COURIER',
    courier: null,
    trackingNo: null,
    ...over,
  };
};

const lookup =
  (found: Record<string, KeyMatch>) =>
  (key: TrackingKey): KeyMatch =>
    found[`${key.kind}:${key.value}`] ?? { channels: 0, items: [] };

const row = (n: number, cells: Parameters<typeof parseTrackingRow>[1]) =>
  parseTrackingRow(n, { courier: 'CJ대한통운', trackingNo: '601234567890', ...cells });

describe('planTracking', () => {
  it('turns a 상품주문번호 row into one decision for that item', () => {
    const pillow = tracked();
    const [line] = planTracking(
      [row(2, { itemNo: pillow.externalItemNo })],
      lookup({ [`item:${pillow.externalItemNo}`]: { channels: 1, items: [pillow] } }),
    );
    expect(line).toMatchObject({ rowNumber: 2, item: pillow, decision: { action: 'SHIP' } });
  });

  it('spreads a 주문번호 row over the order’s courier items, leaving out own-team and claimed ones', () => {
    const a = tracked();
    const b = tracked({ status: 'NEW' });
    const bed = tracked({ deliveryMethod: 'OWN_TEAM' });
    const cancelled = tracked({ status: 'CANCELLED' });
    const lines = planTracking(
      [row(5, { orderNo: 'O-1' })],
      lookup({ 'order:O-1': { channels: 1, items: [a, b, bed, cancelled] } }),
    );
    expect(lines.map((l) => [l.item?.id, 'action' in l.decision])).toEqual([
      [a.id, true],
      [b.id, false],
    ]);
  });

  it('refuses an order with nothing to send by courier', () => {
    const [line] = planTracking(
      [row(2, { orderNo: 'O-2' })],
      lookup({ 'order:O-2': { channels: 1, items: [tracked({ deliveryMethod: 'OWN_TEAM' })] } }),
    );
    expect(line.decision).toEqual({
      refusal: '이 주문에는 택배로 보낼 상품이 없습니다(자체 배송이거나 취소·반품된 상품뿐입니다).',
    });
  });

  it('refuses unknown numbers and numbers found in two channels', () => {
    const lines = planTracking(
      [row(2, { itemNo: 'NOPE' }), row(3, { itemNo: 'BOTH' })],
      lookup({ 'item:BOTH': { channels: 2, items: [tracked(), tracked()] } }),
    );
    expect(lines.map((l) => l.decision)).toEqual([
      { refusal: '등록되지 않은 상품주문번호입니다.' },
      { refusal: '여러 채널에 같은 상품주문번호가 있습니다. 채널을 골라 다시 올려 주세요.' },
    ]);
  });

  it('refuses an item named by two rows on both of them', () => {
    const pillow = tracked();
    const lines = planTracking(
      [row(2, { itemNo: pillow.externalItemNo }), row(7, { orderNo: 'O-3' })],
      lookup({
        [`item:${pillow.externalItemNo}`]: { channels: 1, items: [pillow] },
        'order:O-3': { channels: 1, items: [pillow] },
      }),
    );
    expect(lines.map((l) => l.decision)).toEqual([
      { refusal: '같은 상품주문이 파일의 7행에도 있습니다. 한 행만 남겨 주세요.' },
      { refusal: '같은 상품주문이 파일의 2행에도 있습니다. 한 행만 남겨 주세요.' },
    ]);
  });

  it('keeps a row refused while reading as it is', () => {
    const [line] = planTracking([row(9, { itemNo: 'A', trackingNo: '' })], lookup({}));
    expect(line).toMatchObject({
      rowNumber: 9,
      item: null,
      decision: { refusal: '송장번호가 비어 있습니다.' },
    });
  });
});
