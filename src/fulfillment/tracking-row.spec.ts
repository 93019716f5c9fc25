import { courierName } from './courier-names';
import { parseTrackingRow, refuseRepeatedKeys } from './tracking-row';

describe('parseTrackingRow', () => {
  it('prefers the 상품주문번호 and strips the grouping from the tracking number', () => {
    expect(
      parseTrackingRow(3, {
        itemNo: '2026112412345601',
        orderNo: '2026112410000001',
        courier: 'CJ대한통운',
        trackingNo: '6012-3456 7890',
      }),
    ).toEqual({
      rowNumber: 3,
      key: { kind: 'item', value: '2026112412345601' },
      courier: 'CJ대한통운',
      trackingNo: '601234567890',
    });
  });

  it('falls back to the 주문번호 when the row has no 상품주문번호', () => {
    const row = parseTrackingRow(4, { orderNo: 'HB-1', courier: '한진', trackingNo: '123456789' });
    expect(row).toMatchObject({ key: { kind: 'order', value: 'HB-1' }, courier: '한진택배' });
  });

  it.each([
    [{ courier: 'CJ', trackingNo: '123456789' }, '상품주문번호(또는 주문번호)가 비어 있습니다.'],
    [{ itemNo: '1', courier: 'CJ', trackingNo: '' }, '송장번호가 비어 있습니다.'],
    [{ itemNo: '1', courier: ' ', trackingNo: '123456789' }, '택배사가 비어 있습니다.'],
    [{ itemNo: '1', courier: 'CJ', trackingNo: '없음' }, '송장번호 형식이 올바르지 않습니다: 없음'],
    [
      { itemNo: '1', courier: 'CJ', trackingNo: '6.01235E+11' },
      '송장번호가 지수 형식(6.01235E+11)',
    ],
    [{ itemNo: '2.02611E+15', courier: 'CJ', trackingNo: '1234567' }, '상품주문번호가 지수 형식'],
  ])('refuses %j with a reason the clerk can act on', (cells, reason) => {
    const row = parseTrackingRow(2, cells);
    expect(row.error).toContain(reason);
  });
});

describe('refuseRepeatedKeys', () => {
  it('refuses every row of a number written twice and keeps the others', () => {
    const rows = [
      parseTrackingRow(2, { itemNo: 'A', courier: 'CJ', trackingNo: '1111111' }),
      parseTrackingRow(3, { itemNo: 'B', courier: 'CJ', trackingNo: '2222222' }),
      parseTrackingRow(4, { itemNo: 'A', courier: 'CJ', trackingNo: '3333333' }),
    ];
    const checked = refuseRepeatedKeys(rows);
    expect(checked[0].error).toBe(
      '같은 상품주문번호가 파일에 여러 번 있습니다(2, 4행). 한 행만 남겨 주세요.',
    );
    expect(checked[1].error).toBeUndefined();
    expect(checked[2].error).toContain('(2, 4행)');
  });

  it('tells a 주문번호 apart from a 상품주문번호 with the same text', () => {
    const rows = [
      parseTrackingRow(2, { itemNo: 'X1', courier: 'CJ', trackingNo: '1111111' }),
      parseTrackingRow(3, { orderNo: 'X1', courier: 'CJ', trackingNo: '1111111' }),
    ];
    expect(refuseRepeatedKeys(rows).every((row) => row.error === undefined)).toBe(true);
  });
});

describe('courierName', () => {
  it('folds short, old and spaced spellings into one name per courier', () => {
    expect(courierName('대한통운')).toBe('CJ대한통운');
    expect(courierName(' cj 대한통운 ')).toBe('CJ대한통운');
    expect(courierName('현대택배')).toBe('롯데택배');
    expect(courierName('우체국')).toBe('우체국택배');
  });

  it('keeps a courier it does not know as written', () => {
    expect(courierName('  동네  택배 ')).toBe('동네 택배');
  });
});
