import ExcelJS from 'exceljs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PrismaService } from '../../src/database/prisma.service';
import { createStaff } from '../support/factories';
import { Agent, logIn } from '../support/http';
import { createOrders } from '../support/order-factory';
import { createTestApp, resetState } from '../support/test-app';

async function download(agent: Agent, path: string) {
  const res = await agent
    .get(encodeURI(path))
    .buffer(true)
    .parse((stream, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => done(null, Buffer.concat(chunks)));
    });
  return res;
}

async function sheetOf(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('exporting the order list to Excel', () => {
  let app: NestExpressApplication;
  let clerk: Agent;

  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(async () => {
    await resetState(app);
    await createStaff(app);
    clerk = await logIn(app.getHttpServer(), 'clerk');
  });
  afterAll(() => app.close());

  it('writes every row of the filtered list, in its order, across several batches', async () => {
    const [order] = await createOrders(app, [
      { items: [{ externalItemNo: '1000000000000', unitPrice: 1 }] },
      { items: [{ externalItemNo: '1999999999999', status: 'CANCELLED' }] },
    ]);
    // 2,100 more rows, one statement, amounts 2…2101: more than one 2,000-row batch.
    await app.get(PrismaService).$executeRaw`
      INSERT INTO OrderItem (orderId, channelId, externalItemNo, productName, quantity, unitPrice,
        amount, status, deliveryMethod, orderedAt, lifeDate, updatedAt)
      SELECT orderId, channelId, CONCAT('1', LPAD(seq, 12, '0')), productName, 1, seq + 1,
        seq + 1, status, deliveryMethod, orderedAt, lifeDate, updatedAt
      FROM OrderItem JOIN seq_1_to_2100 WHERE id = ${order.items[0].id}`;

    const res = await download(clerk, '/orders/export.xlsx?status=NEW&sort=-amount');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetOf(res.body as Buffer);
    expect(rows[0]).toEqual(expect.arrayContaining(['주문일시', '상품주문번호', '수령인', '상태']));
    const amounts = rows.slice(1).map((r) => r[rows[0].indexOf('금액')]);
    expect(amounts).toHaveLength(2101);
    expect(amounts.slice(0, 3)).toEqual([2101, 2100, 2099]);
    expect(amounts.at(-1)).toBe(1);
    expect(rows.flat()).not.toContain('1999999999999');
    const made = rows.at(-1);
    expect(made).toEqual(expect.arrayContaining(['네이버 스마트스토어', '신규', '서울특별시']));
    // The order time as the clerk saw it on screen: Seoul wall clock.
    expect(made?.[0]).toEqual(new Date('2026-11-20T10:00:00Z'));
  });

  it('neutralises text that Excel would run as a formula', async () => {
    await createOrders(app, [
      {
        recipientName: "=cmd|' /C calc'!A0",
        items: [{ productName: '+SUM(A1:A9)', optionName: '@IMPORT' }],
      },
    ]);
    const rows = await sheetOf((await download(clerk, '/orders/export.xlsx')).body as Buffer);
    const cells = rows[1];
    expect(cells).toContain("'=cmd|' /C calc'!A0");
    expect(cells).toContain("'+SUM(A1:A9)");
    expect(cells).toContain("'@IMPORT");
    expect(cells.some((c) => typeof c === 'object' && c !== null && 'formula' in c)).toBe(false);
  });

  it('names the file in Korean, with a plain fallback for old browsers', async () => {
    const res = await download(clerk, '/orders/export.xlsx?q=없는이름');
    expect(res.status).toBe(200);
    const disposition = res.headers['content-disposition'] as string;
    expect(disposition).toMatch(/^attachment; filename="orders-\d{8}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toMatch(/^주문목록-\d{8}\.xlsx$/);
    expect(await sheetOf(res.body as Buffer)).toHaveLength(1);
  });

  it('keeps the list’s notes to itself: a bad filter is ignored, the rest exported', async () => {
    await createOrders(app, [{ items: [{ status: 'NEW' }, { status: 'SHIPPED' }] }]);
    const res = await download(clerk, '/orders/export.xlsx?status=NEW&size=7');
    expect(res.status).toBe(200);
    expect(await sheetOf(res.body as Buffer)).toHaveLength(2);
  });
});
