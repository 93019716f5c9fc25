import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { stream as excelStream } from 'exceljs';
import {
  SMARTSTORE_BANNER,
  buildSmartStoreOrderFile,
} from '../../../test/fixtures/smartstore-file';
import { SMARTSTORE_HEADERS } from '../../../test/fixtures/smartstore-rows';
import type { RawRow } from './raw-row';
import { xlsxRows } from './xlsx-rows';

async function collect(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const all: RawRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new excelStream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: true });
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const values of rows) sheet.addRow(values).commit();
    sheet.commit();
  }
  await book.commit();
  return Buffer.concat(chunks);
}

// ExcelJS names its temporary files tmp-<pid>-…; each Jest worker is its own process.
async function ourTempFiles(): Promise<number> {
  const prefix = `tmp-${process.pid}-`;
  return (await readdir(tmpdir())).filter((name) => name.startsWith(prefix)).length;
}

async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe('xlsxRows', () => {
  it('reads a SmartStore download row by row: banner, header, then orders', async () => {
    const rows = await collect(xlsxRows(await buildSmartStoreOrderFile({ rows: 4 })));
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0].cells[0]).toBe(SMARTSTORE_BANNER);
    expect(rows[1].cells).toEqual([...SMARTSTORE_HEADERS]);
    expect(rows[2].cells[0]).toMatch(/^\d{16}$/);
  });

  it('reads a date-cell 주문일시 exactly as the text SmartStore writes', async () => {
    const asText = await collect(xlsxRows(await buildSmartStoreOrderFile({ rows: 5 })));
    const asDate = await collect(
      xlsxRows(await buildSmartStoreOrderFile({ rows: 5, orderedAt: 'date' })),
    );
    expect(asDate).toEqual(asText);
    expect(asDate[2].cells.at(-1)).toMatch(/^2026-11-\d\d \d\d:\d\d:\d\d$/);
  });

  it('reads an order number stored as a number cell without E-notation', async () => {
    const file = await buildSmartStoreOrderFile({ rows: [{ 상품주문번호: 2026112412345678 }] });
    const [, , order] = await collect(xlsxRows(file));
    expect(order.cells[0]).toBe('2026112412345678');
  });

  it('reads formulas, rich text, hyperlinks and errors as the text Excel shows', async () => {
    const file = await workbook({
      주문: [
        [
          { formula: 'B2*2', result: 1780000 },
          { richText: [{ text: '슬립웨이브 ', font: { bold: true } }, { text: '7존' }] },
          { text: '주문 상세', hyperlink: 'https://smartstore.naver.com/orders/1' },
          { error: '#REF!' },
          { formula: 'NOW()' },
          '  김민준  ',
        ],
      ],
    });
    const [row] = await collect(xlsxRows(file));
    expect(row.cells).toEqual(['1780000', '슬립웨이브 7존', '주문 상세', '', '', '김민준']);
  });

  it('reads only the first worksheet', async () => {
    const file = await workbook({ 주문: [['첫 시트']], 메모: [['둘째 시트'], ['…']] });
    expect(await collect(xlsxRows(file))).toEqual([{ rowNumber: 1, cells: ['첫 시트'] }]);
  });

  it('leaves no temporary worksheet files behind when the reader stops early', async () => {
    const file = await buildSmartStoreOrderFile({ rows: 300 });
    for await (const row of xlsxRows(file)) if (row.rowNumber === 10) break;
    await expect(
      collect(
        (async function* () {
          for await (const row of xlsxRows(file)) {
            if (row.rowNumber === 20) throw new Error('가져오기 중단');
            yield row;
          }
        })(),
      ),
    ).rejects.toThrow('가져오기 중단');
    expect(await eventually(async () => (await ourTempFiles()) === 0)).toBe(true);
  });
});

describe('buildSmartStoreOrderFile (the fixture other specs rely on)', () => {
  const column = (name: (typeof SMARTSTORE_HEADERS)[number]) => SMARTSTORE_HEADERS.indexOf(name);

  it('gives the same rows for the same options, a smaller file being the start of a bigger one', async () => {
    const small = await collect(xlsxRows(await buildSmartStoreOrderFile({ rows: 30 })));
    const big = await collect(xlsxRows(await buildSmartStoreOrderFile({ rows: 60 })));
    expect(big.slice(0, small.length)).toEqual(small);
    const reseeded = await collect(xlsxRows(await buildSmartStoreOrderFile({ rows: 30, seed: 1 })));
    expect(reseeded).not.toEqual(small);
  });

  it('puts several items under one 주문번호 and 배송비 묶음번호 now and then', async () => {
    const orders = (await collect(xlsxRows(await buildSmartStoreOrderFile({ rows: 60 })))).slice(2);
    const perOrder = new Map<string, Set<string>>();
    for (const { cells } of orders) {
      const bundles = perOrder.get(cells[column('주문번호')]) ?? new Set<string>();
      perOrder.set(cells[column('주문번호')], bundles.add(cells[column('배송비 묶음번호')]));
    }
    expect(perOrder.size).toBeLessThan(orders.length);
    expect([...perOrder.values()].every((bundles) => bundles.size === 1)).toBe(true);
    expect(new Set(orders.map((o) => o.cells[column('상품주문번호')])).size).toBe(orders.length);
  });
});
