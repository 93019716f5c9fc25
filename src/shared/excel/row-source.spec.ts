import { PassThrough } from 'node:stream';
import { stream as excelStream } from 'exceljs';
import { buildPartnerCsv } from '../../../test/fixtures/partner-file';
import { buildSmartStoreOrderFile } from '../../../test/fixtures/smartstore-file';
import type { RawRow } from './raw-row';
import { readRows, type RowSourceInput } from './row-source';

async function collect(input: RowSourceInput): Promise<RawRow[]> {
  const all: RawRow[] = [];
  for await (const row of readRows(input)) all.push(row);
  return all;
}

// Rows that exist only through formatting, as left by a clerk who styled whole columns.
async function sheetWithFormattedBlankRows(blankRows: number): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new excelStream.xlsx.WorkbookWriter({ stream: output });
  const sheet = book.addWorksheet('주문');
  sheet.addRow(['주문번호']).commit();
  for (let i = 0; i < blankRows; i++) {
    const row = sheet.getRow(i + 2);
    row.height = 18;
    row.commit();
  }
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

describe('readRows', () => {
  it('streams every row of a large SmartStore download', async () => {
    const bytes = await buildSmartStoreOrderFile({ rows: 2_000 });
    let count = 0;
    let last: RawRow | undefined;
    for await (const row of readRows({ kind: 'xlsx', bytes })) {
      count++;
      last = row;
    }
    expect(count).toBe(2_002);
    expect(last?.rowNumber).toBe(2_002);
  });

  it('skips rows that are empty after trimming but keeps the sheet row numbers', async () => {
    const bytes = buildPartnerCsv({ rows: [{}, {}], encoding: 'utf8' });
    const withBlank = Buffer.concat([bytes, Buffer.from(' , ,\r\n\r\nHB-9,1\r\n')]);
    const rows = await collect({ kind: 'csv', bytes: withBlank });
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 6]);
  });

  it('refuses more data rows than allowed, naming the cap', async () => {
    const bytes = await buildSmartStoreOrderFile({ rows: 40 });
    await expect(collect({ kind: 'xlsx', bytes, maxRows: 10 })).rejects.toMatchObject({
      code: 'TOO_MANY_ROWS',
      message: expect.stringContaining('한 번에 10행까지'),
    });
  });

  it('allows the banner and header rows on top of the cap', async () => {
    const bytes = await buildSmartStoreOrderFile({ rows: 10 });
    await expect(collect({ kind: 'xlsx', bytes, maxRows: 10 })).resolves.toHaveLength(12);
  });

  it('stops a sheet of endless formatted blank rows without counting them as data', async () => {
    const bytes = await sheetWithFormattedBlankRows(300);
    await expect(collect({ kind: 'xlsx', bytes, maxRows: 500 })).resolves.toHaveLength(1);
    await expect(collect({ kind: 'xlsx', bytes, maxRows: 100 })).rejects.toMatchObject({
      code: 'TOO_MANY_ROWS',
    });
  });

  it('applies the same cap to CSV files', async () => {
    const bytes = buildPartnerCsv({ rows: 40, encoding: 'cp949' });
    await expect(collect({ kind: 'csv', bytes, maxRows: 10 })).rejects.toMatchObject({
      code: 'TOO_MANY_ROWS',
    });
  });
});
