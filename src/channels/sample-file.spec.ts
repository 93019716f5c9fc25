import { encode } from 'iconv-lite';
import { FormValidationError } from '../shared/http/domain-error';
import { PARTNER_LAYOUT } from './default-layouts';
import { layoutFromPicks, readSampleFile } from './sample-file';

const csv = (lines: string[][]) => ({
  kind: 'csv' as const,
  bytes: encode(lines.map((cells) => cells.join(',')).join('\r\n'), 'cp949'),
});

const REQUIRED_PICKS = {
  externalItemNo: '라인번호',
  externalOrderNo: '발주번호',
  orderedAt: '발주일자',
  recipientName: '수령자',
  recipientPhone: '휴대폰',
  address: '배송주소',
  productName: '상품명',
  quantity: '수량',
};
const HEADERS = [...Object.values(REQUIRED_PICKS), '고객명', '비고'];

function errorsOf(action: () => unknown) {
  try {
    action();
  } catch (error) {
    if (error instanceof FormValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error('expected the picks to be refused');
}

describe('reading a sample file', () => {
  it('finds the header under a banner and preselects the columns the layout knows', async () => {
    const sample = await readSampleFile({
      workbook: csv([
        ['슬립몰 발주서'],
        ['발주번호', '고객명', '상품명', '수량'],
        ...Array.from({ length: 8 }, (_, i) => [`P-${i}`, '김민준', '라텍스 매트리스', '1']),
      ]),
      layout: PARTNER_LAYOUT,
    });
    expect(sample.headers).toEqual(['발주번호', '고객명', '상품명', '수량']);
    expect(sample.rows.map((row) => row[0])).toEqual(['P-0', 'P-1', 'P-2', 'P-3', 'P-4']);
    expect(sample.detected).toEqual({
      recipientName: '고객명',
      productName: '상품명',
      quantity: '수량',
    });
  });

  it('takes the fullest row as the header when no alias matches, and preselects nothing', async () => {
    const sample = await readSampleFile({
      workbook: csv([['발주서'], ['No', 'PO', 'Qty'], ['1', 'A-1', '2']]),
      layout: PARTNER_LAYOUT,
    });
    expect(sample.headers).toEqual(['No', 'PO', 'Qty']);
    expect(sample.rows).toEqual([['1', 'A-1', '2']]);
    expect(sample.detected).toEqual({});
  });

  it('refuses an empty file', async () => {
    await expect(readSampleFile({ workbook: csv([]), layout: PARTNER_LAYOUT })).rejects.toThrow(
      '파일에 내용이 없습니다',
    );
  });
});

describe('a layout from the columns picked on a sample', () => {
  it('puts each pick before the earlier aliases, so older files still import', () => {
    const layout = layoutFromPicks({
      previous: PARTNER_LAYOUT,
      headers: HEADERS,
      picks: REQUIRED_PICKS,
    });
    expect(layout.externalOrderNo).toEqual(['발주번호', '주문번호']);
    expect(layout.address).toEqual(['배송주소', '주소', '배송지']);
  });

  it("drops an earlier alias that names another of the sample's columns", () => {
    const layout = layoutFromPicks({
      previous: PARTNER_LAYOUT,
      headers: HEADERS,
      picks: REQUIRED_PICKS,
    });
    // 고객명 is in this file but was not picked as the recipient, and 비고 was not picked as the memo.
    expect(layout.recipientName).toEqual(['수령자', '수령인', '수취인명']);
    expect(layout.memo).toEqual(['배송메모']);
  });

  it('asks for every required field and keeps one column to one field', () => {
    const errors = errorsOf(() =>
      layoutFromPicks({
        previous: PARTNER_LAYOUT,
        headers: HEADERS,
        picks: { ...REQUIRED_PICKS, orderedAt: '', buyerName: '수령자', memo: '없는 열' },
      }),
    );
    expect(errors).toEqual({
      'picks.orderedAt': '필수 항목입니다. 이 값이 들어 있는 열을 고르세요.',
      'picks.recipientName': "'구매자명' 항목에서 이미 고른 열입니다.",
      'picks.memo': '파일에 없는 열입니다. 파일을 다시 올려 주세요.',
    });
  });

  it('refuses fields we do not have', () => {
    expect(() =>
      layoutFromPicks({ previous: {}, headers: HEADERS, picks: { ...REQUIRED_PICKS, x: '비고' } }),
    ).toThrow('허용되지 않는 항목입니다: picks.x');
  });
});
