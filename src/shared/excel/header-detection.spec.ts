import { findHeaderRow, normaliseHeader, type WantedColumn } from './header-detection';

const SMARTSTORE: WantedColumn[] = [
  { field: 'productOrderNo', aliases: ['상품주문번호'], required: true },
  { field: 'orderNo', aliases: ['주문번호'], required: true },
  { field: 'requestedMethod', aliases: ['배송방법(구매자 요청)'], required: false },
  { field: 'method', aliases: ['배송방법'], required: false },
  { field: 'bundleNo', aliases: ['배송비 묶음번호', '묶음배송번호'], required: true },
  { field: 'receiver', aliases: ['수취인명', '받는분'], required: true },
];

const BANNER =
  '주문 목록입니다. 엑셀 일괄발송 시 발송처리 할 주문건 외에는 삭제하신 후 업로드해주세요.';
const HEADER = [
  '상품주문번호',
  '주문번호',
  '배송방법(구매자 요청)',
  '배송방법',
  '배송비 묶음번호',
  '수취인명',
  '출고지',
];

describe('findHeaderRow', () => {
  it('skips the SmartStore banner and maps each field to its column', () => {
    const match = findHeaderRow(
      [
        [BANNER],
        HEADER,
        ['2026112412345678', '2026112410000001', '택배', '택배', '1400000000', '김민준'],
      ],
      SMARTSTORE,
    );
    expect(match).toEqual({
      headerIndex: 1,
      columns: {
        productOrderNo: 0,
        orderNo: 1,
        requestedMethod: 2,
        method: 3,
        bundleNo: 4,
        receiver: 5,
      },
      missingRequired: [],
      unknownHeaders: ['출고지'],
    });
  });

  it('matches headers regardless of spaces and letter case', () => {
    const match = findHeaderRow(
      [[' 상품 주문번호', '주문번호 ', '배송비묶음번호', 'Receiver'], []],
      [...SMARTSTORE, { field: 'receiverEn', aliases: ['RECEIVER'], required: false }],
    );
    expect(match.columns).toMatchObject({
      productOrderNo: 0,
      orderNo: 1,
      bundleNo: 2,
      receiverEn: 3,
    });
    expect(match.missingRequired).toEqual(['receiver']);
  });

  it('tells 배송방법(구매자 요청) and 배송방법 apart, in either order', () => {
    const match = findHeaderRow([['배송방법', '배송방법(구매자 요청)']], SMARTSTORE);
    expect(match.columns).toEqual({ requestedMethod: 1, method: 0 });
  });

  it('uses any alias a channel gave the column', () => {
    const match = findHeaderRow([['주문번호', '받는분']], SMARTSTORE);
    expect(match.columns).toMatchObject({ orderNo: 0, receiver: 1 });
  });

  it('reports no header when no row names a wanted column', () => {
    expect(findHeaderRow([[BANNER], ['a', 'b']], SMARTSTORE)).toEqual({
      headerIndex: -1,
      columns: {},
      missingRequired: ['productOrderNo', 'orderNo', 'bundleNo', 'receiver'],
      unknownHeaders: [],
    });
  });

  it('looks no further than the first 20 rows', () => {
    const rows = [...Array.from({ length: 20 }, () => ['안내']), HEADER];
    expect(findHeaderRow(rows, SMARTSTORE).headerIndex).toBe(-1);
  });
});

describe('normaliseHeader', () => {
  it('folds full-width characters and decomposed Hangul from macOS', () => {
    expect(normaliseHeader('배송방법（구매자 요청）')).toBe('배송방법(구매자요청)');
    expect(normaliseHeader('주문번호'.normalize('NFD'))).toBe('주문번호');
  });
});
