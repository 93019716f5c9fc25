import { encode } from 'iconv-lite';
import { buildPartnerCsv, PARTNER_HEADERS } from '../../../test/fixtures/partner-file';
import { csvRows, detectCsvEncoding } from './csv-rows';
import type { RawRow } from './raw-row';

async function collect(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const all: RawRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

const MEMO = '경비실에 맡겨 주세요,\n도착 전 "꼭" 전화 부탁드립니다';

describe('csvRows', () => {
  it.each(['cp949', 'utf8'] as const)('reads a partner file saved as %s', async (encoding) => {
    const bytes = buildPartnerCsv({ rows: [{ 고객명: '김민준' }, { 고객명: '이서연' }], encoding });
    const rows = await collect(csvRows(bytes));
    expect(rows[0].cells).toEqual([...PARTNER_HEADERS]);
    expect(rows.slice(1).map((r) => r.cells[3])).toEqual(['김민준', '이서연']);
  });

  it('keeps a quoted memo with commas, quotes and a line break in one cell', async () => {
    const bytes = buildPartnerCsv({ rows: [{ 배송메모: MEMO }, {}], encoding: 'cp949' });
    const rows = await collect(csvRows(bytes));
    expect(rows).toHaveLength(3);
    expect(rows[1].cells[13]).toBe(MEMO);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3]);
  });

  it('reads UTF-8 without a byte-order mark too', async () => {
    const rows = await collect(csvRows(Buffer.from('주문번호,수량\nHB-1, 2 \n')));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['주문번호', '수량'] },
      { rowNumber: 2, cells: ['HB-1', '2'] },
    ]);
  });

  it('tells the clerk where a quote was left open', async () => {
    const bytes = encode('주문번호,배송메모\r\nHB-1,"문 앞에\r\nHB-2,경비실\r\n', 'cp949');
    await expect(collect(csvRows(bytes))).rejects.toMatchObject({
      code: 'MALFORMED_CSV',
      message: expect.stringContaining('따옴표'),
    });
  });
});

describe('detectCsvEncoding', () => {
  it('takes valid UTF-8 as UTF-8 and anything else as CP949', () => {
    expect(detectCsvEncoding(Buffer.from('\uFEFF주문번호'))).toBe('utf-8');
    expect(detectCsvEncoding(Buffer.from('order,qty'))).toBe('utf-8');
    expect(detectCsvEncoding(encode('주문번호', 'cp949'))).toBe('cp949');
  });
});
