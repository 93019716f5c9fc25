import type { RawOrderRow } from '../../channels/import-fields';
import { readIntakeRow } from './intake-row';

const valid: RawOrderRow = {
  externalItemNo: '2026112400000001',
  externalOrderNo: '2026112410000001',
  orderedAt: '2026-11-24 10:15:00',
  status: '결제완료',
  recipientName: '김민준',
  recipientPhone: '01012345678',
  postalCode: '06236',
  address: '서울특별시 강남구 테헤란로 152',
  productName: '슬립웨이브 7존 하이브리드 매트리스',
  optionText: '사이즈: Q / 두께: 28cm',
  quantity: '1',
  unitPrice: '890,000',
  optionPrice: '200,000',
  amount: '1,040,000',
};

const read = (raw: RawOrderRow) => readIntakeRow({ raw, rowNumber: 7, headerOf: (f) => `[${f}]` });

describe('reading one order row', () => {
  it('turns a valid row into an order item with Seoul time, won and a tidy phone', () => {
    const { row, errors } = read(valid);
    expect(errors).toEqual([]);
    expect(row).toMatchObject({
      rowNumber: 7,
      orderedAt: new Date('2026-11-24T01:15:00Z'),
      recipientPhone: '010-1234-5678',
      unitPrice: 1_090_000,
      amount: 1_040_000,
      channelStatus: { status: 'NEW', claimType: null },
    });
  });

  it('names the row, the column and the reason for each problem', () => {
    const { row, errors } = read({
      ...valid,
      externalItemNo: ' ',
      quantity: '한 개',
      orderedAt: '어제',
    });
    expect(row).toBeUndefined();
    expect(errors).toEqual([
      { row: 7, column: '[externalItemNo]', message: '상품주문번호가 비어 있습니다.' },
      { row: 7, column: '[orderedAt]', message: '알 수 없는 날짜입니다: 어제' },
      { row: 7, column: '[quantity]', message: '수량이 올바른 숫자가 아닙니다: 한 개' },
    ]);
  });

  it('refuses a cell longer than its column as the row’s error, not the whole file’s', () => {
    const { row, errors } = read({ ...valid, trackingNo: '9'.repeat(51) });
    expect(row).toBeUndefined();
    expect(errors).toEqual([
      {
        row: 7,
        column: '[trackingNo]',
        message: `송장번호가 너무 깁니다 (50자까지): ${'9'.repeat(20)}…`,
      },
    ]);
    expect(read({ ...valid, productName: '매'.repeat(400) }).errors).toEqual([]);
  });

  it('refuses an amount beyond 20억 won as the row’s error, before the database would', () => {
    expect(read({ ...valid, unitPrice: '99999999999' }).errors[0].message).toBe(
      '금액은 20억 원 이하의 숫자로 적어 주세요: 99999999999',
    );
    const { errors } = read({
      ...valid,
      amount: '',
      unitPrice: '1,500,000,000',
      optionPrice: '',
      quantity: '2',
    });
    expect(errors[0]).toMatchObject({ column: '[amount]' });
  });

  it('refuses a status word it does not know rather than guessing', () => {
    expect(read({ ...valid, status: '배달중' }).errors[0].message).toBe(
      '알 수 없는 주문상태입니다: 배달중',
    );
  });

  it('computes the amount when the file has only a unit price', () => {
    const { row } = read({ ...valid, amount: undefined, optionPrice: undefined, quantity: '2' });
    expect(row?.amount).toBe(1_780_000);
  });

  it('leaves status undefined when the file has no status column (partner sheets)', () => {
    expect(read({ ...valid, status: undefined }).row?.channelStatus).toBeUndefined();
  });
});
