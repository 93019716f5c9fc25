import type { IntakeRow } from './intake-row';
import { ExistingOrder, diffItem, diffOrder } from './intake-plan';

const row = {
  recipientName: '김민준',
  recipientPhone: '010-1234-5678',
  postalCode: '06236',
  address: '서울특별시 강남구 테헤란로 152',
  addressDetail: '101동 1203호',
  memo: null,
  channelStatus: { status: 'SHIPPED', claimType: null },
  courier: 'CJ대한통운',
  trackingNo: '612345678901',
} as unknown as IntakeRow;

const order = { id: 1, ...row, memo: '문 앞' } as unknown as ExistingOrder;
const item = {
  id: 9,
  orderId: 1,
  orderedAt: new Date('2026-11-20T01:00:00Z'),
  scheduledDate: null,
  completedAt: null,
  status: 'CONFIRMED',
  claimType: null,
  courier: null,
  trackingNo: null,
} as const;

describe('planning a re-import', () => {
  it('finds nothing to change when the file says what the desk has', () => {
    expect(diffOrder({ ...order, memo: null }, row)).toEqual([]);
    expect(
      diffItem(
        { ...item, status: 'SHIPPED', courier: 'CJ대한통운', trackingNo: '612345678901' },
        row,
      ),
    ).toEqual([]);
  });

  it('records a new address as an ADDRESS change with from and to', () => {
    const moved = { ...row, address: '경기도 성남시 분당구 판교역로 235' } as IntakeRow;
    expect(diffOrder({ ...order, memo: null }, moved)).toEqual([
      {
        type: 'ADDRESS',
        field: 'address',
        from: '서울특별시 강남구 테헤란로 152',
        to: '경기도 성남시 분당구 판교역로 235',
      },
    ]);
  });

  it('takes a phone written with other dashes for the same phone, and a new one for a change', () => {
    const stored = { ...order, memo: null, recipientPhone: '050412345678' };
    expect(diffOrder(stored, { ...row, recipientPhone: '0504-1234-5678' } as IntakeRow)).toEqual(
      [],
    );
    expect(diffOrder(stored, { ...row, recipientPhone: '0504-1234-0000' } as IntakeRow)).toEqual([
      { type: 'RECIPIENT', field: 'recipientPhone', from: '050412345678', to: '0504-1234-0000' },
    ]);
  });

  it('keeps what the desk knows when the file leaves a cell blank', () => {
    expect(diffOrder(order, row)).toEqual([]);
  });

  it('moves the status forward and records the tracking number', () => {
    expect(diffItem(item, row)).toEqual([
      { type: 'STATUS', field: 'status', from: 'CONFIRMED', to: 'SHIPPED' },
      { type: 'TRACKING', field: 'courier', from: null, to: 'CJ대한통운' },
      { type: 'TRACKING', field: 'trackingNo', from: null, to: '612345678901' },
    ]);
  });

  it('does not pull a delivered item back to an older status', () => {
    expect(
      diffItem(
        { ...item, status: 'DELIVERED', courier: 'CJ대한통운', trackingNo: '612345678901' },
        row,
      ),
    ).toEqual([]);
  });

  it('lands a claim with its type', () => {
    const claimed = {
      ...row,
      channelStatus: { status: 'RETURN_REQUESTED', claimType: 'RETURN' },
    } as IntakeRow;
    expect(
      diffItem(
        { ...item, status: 'DELIVERED', courier: 'CJ대한통운', trackingNo: '612345678901' },
        claimed,
      ),
    ).toEqual([
      { type: 'STATUS', field: 'status', from: 'DELIVERED', to: 'RETURN_REQUESTED' },
      { type: 'CLAIM', field: 'claimType', from: null, to: 'RETURN' },
    ]);
  });
});
