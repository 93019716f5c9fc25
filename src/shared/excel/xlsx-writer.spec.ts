import { PassThrough, Writable } from 'node:stream';
import { Workbook } from 'exceljs';
import { readRows } from './row-source';
import { writeXlsx, type SheetToWrite } from './xlsx-writer';

const COLUMNS = [
  { header: '주문번호', key: 'orderNo' },
  { header: '고객명', key: 'name', width: 12 },
  { header: '금액', key: 'amount' },
  { header: '주문일시', key: 'orderedAt' },
];

async function toBuffer(sheets: SheetToWrite[]): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeXlsx({ stream: output, sheets });
  return Buffer.concat(chunks);
}

async function loaded(bytes: Buffer): Promise<Workbook> {
  const book = new Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describe('writeXlsx', () => {
  it('writes a header row and one row per record, in column order', async () => {
    const bytes = await toBuffer([
      {
        name: '주문',
        columns: COLUMNS,
        rows: [{ orderNo: '2026112412345678', name: '김민준', amount: 890000, extra: 'x' }],
      },
    ]);
    const rows = [];
    for await (const row of readRows({ kind: 'xlsx', bytes })) rows.push(row.cells);
    expect(rows).toEqual([
      ['주문번호', '고객명', '금액', '주문일시'],
      ['2026112412345678', '김민준', '890000'],
    ]);
  });

  it('keeps numbers as numbers and shows dates in Seoul time', async () => {
    const bytes = await toBuffer([
      {
        name: '주문',
        columns: COLUMNS,
        rows: [{ amount: 890000, orderedAt: new Date('2026-11-24T01:05:09Z') }],
      },
    ]);
    const row = (await loaded(bytes)).getWorksheet('주문')!.getRow(2);
    expect(row.getCell(3).value).toBe(890000);
    expect(row.getCell(4).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect((row.getCell(4).value as Date).toISOString()).toBe('2026-11-24T10:05:09.000Z');
  });

  it('writes text that looks like a formula as quoted text, never as a formula', async () => {
    const bytes = await toBuffer([
      {
        name: '주문',
        columns: COLUMNS,
        rows: [{ orderNo: '=HYPERLINK("http://evil.example","환불")', name: '@SUM(1)' }],
      },
    ]);
    const row = (await loaded(bytes)).getWorksheet('주문')!.getRow(2);
    expect(row.getCell(1).value).toBe(`'=HYPERLINK("http://evil.example","환불")`);
    expect(row.getCell(1).formula).toBeUndefined();
    expect(row.getCell(2).value).toBe(`'@SUM(1)`);
  });

  it('writes several sheets from asynchronous row sources', async () => {
    async function* slowly(count: number) {
      for (let i = 1; i <= count; i++) yield { orderNo: `HB-${i}`, amount: i };
    }
    const bytes = await toBuffer([
      { name: '배송', columns: COLUMNS, rows: slowly(1_200) },
      {
        name: '오류',
        columns: [{ header: '사유', key: 'reason' }],
        rows: [{ reason: '주소 없음' }],
      },
    ]);
    const book = await loaded(bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual(['배송', '오류']);
    expect(book.getWorksheet('배송')!.rowCount).toBe(1_201);
    expect(book.getWorksheet('오류')!.getCell('A2').value).toBe('주소 없음');
  });

  it('stops producing rows while the client reads nothing', async () => {
    const client = new Writable({ highWaterMark: 1024, write: () => undefined });
    let produced = 0;
    // Rows that barely compress, so the zip's buffers fill after a few thousand of them.
    function* endless() {
      for (;;) {
        const noise = ((++produced * 2_654_435_761) % 2 ** 32).toString(36);
        yield { orderNo: `HB-${produced}-${noise}`, name: `김민준 ${noise}`, amount: produced };
      }
    }
    const sheets = [{ name: '주문', columns: COLUMNS, rows: endless() }];
    const writing = writeXlsx({ stream: client, sheets }).catch((error: Error) => error);
    // A writer that ignored back-pressure would keep producing and never settle here.
    let settled = 0;
    for (let last = -1; settled < 5; await new Promise((r) => setTimeout(r, 20))) {
      settled = produced === last ? settled + 1 : 0;
      last = produced;
      if (produced > 1_000_000) throw new Error('the writer ignored back-pressure');
    }
    const stalledAt = produced;
    client.destroy();
    expect(await writing).toEqual(
      expect.objectContaining({ message: expect.stringContaining('export stream closed') }),
    );
    // Woken by the hang-up, it finishes the rows before its next pause and stops there.
    expect(produced).toBeLessThanOrEqual(stalledAt + 500);
  });

  it('gives up as soon as the client hangs up', async () => {
    const client = new PassThrough();
    client.resume();
    let produced = 0;
    function* endless() {
      for (;;) {
        if (++produced === 3_000) client.destroy();
        yield { orderNo: `HB-${produced}`, name: '김민준' };
      }
    }
    const sheets = [{ name: '주문', columns: COLUMNS, rows: endless() }];
    await expect(writeXlsx({ stream: client, sheets })).rejects.toThrow('export stream closed');
    // It notices at its next pause, every 500 rows.
    expect(produced).toBeLessThanOrEqual(3_500);
  });
});
