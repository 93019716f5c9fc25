import ExcelJS from 'exceljs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ChannelsService } from '../../src/channels/channels.service';
import { PrismaService } from '../../src/database/prisma.service';
import { createStaff } from '../support/factories';
import { Agent, logIn } from '../support/http';
import { createOrders } from '../support/order-factory';
import { createTestApp, resetState } from '../support/test-app';

// Scheduled days are filed at 00:00 UTC, 09:00 in Seoul: inside the Seoul day they name.
const NOV_20 = new Date('2026-11-20T00:00:00Z');
const NOV_21 = new Date('2026-11-21T00:00:00Z');
const DEC_01 = new Date('2026-12-01T00:00:00Z');

async function download(agent: Agent, path: string) {
  return agent
    .get(encodeURI(path))
    .buffer(true)
    .parse((stream, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

async function sheetOf(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0].eachRow({ includeEmpty: false }, (row) =>
    rows.push((row.values as unknown[]).slice(1)),
  );
  return rows;
}

describe('fulfillment exports', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let clerk: Agent;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(async () => {
    await resetState(app);
    await createStaff(app);
    clerk = await logIn(app.getHttpServer(), 'clerk');
  });
  afterAll(() => app.close());

  const parcel = (externalItemNo: string, courier: string | null, trackingNo: string | null) =>
    prisma.orderItem.updateMany({ where: { externalItemNo }, data: { courier, trackingNo } });

  describe('the SmartStore dispatch file', () => {
    it('lists the store’s reportable items of the period in SmartStore’s four columns', async () => {
      await createOrders(app, [
        {
          items: [
            {
              externalItemNo: 'S-PARCEL',
              deliveryMethod: 'COURIER',
              status: 'SHIPPED',
              scheduledDate: NOV_20,
            },
            {
              externalItemNo: 'S-BED',
              deliveryMethod: 'OWN_TEAM',
              status: 'OUT_FOR_DELIVERY',
              scheduledDate: NOV_21,
            },
            {
              externalItemNo: 'S-DONE',
              deliveryMethod: 'OWN_TEAM',
              status: 'DELIVERED',
              scheduledDate: NOV_21,
            },
            {
              externalItemNo: 'S-NO-NUMBER',
              deliveryMethod: 'COURIER',
              status: 'SHIPPED',
              scheduledDate: NOV_20,
            },
            {
              externalItemNo: 'S-PREPARING',
              deliveryMethod: 'COURIER',
              status: 'PREPARING',
              scheduledDate: NOV_20,
            },
            {
              externalItemNo: 'S-CANCELLED',
              deliveryMethod: 'OWN_TEAM',
              status: 'CANCELLED',
              scheduledDate: NOV_20,
            },
            {
              externalItemNo: 'S-LATER',
              deliveryMethod: 'OWN_TEAM',
              status: 'OUT_FOR_DELIVERY',
              scheduledDate: DEC_01,
            },
          ],
        },
        {
          channel: 'hanbit',
          items: [
            {
              externalItemNo: 'P-BED',
              deliveryMethod: 'OWN_TEAM',
              status: 'OUT_FOR_DELIVERY',
              scheduledDate: NOV_20,
            },
          ],
        },
      ]);
      await parcel('S-PARCEL', 'CJ대한통운', '601234567890');
      await parcel('S-PREPARING', 'CJ대한통운', '601234567891');

      const page = await clerk.get('/fulfillment/dispatch?from=2026-11-20&to=2026-11-21');
      expect(page.status).toBe(200);
      expect(page.text).toMatch(/data-testid="count-parcels">1</);
      expect(page.text).toMatch(/data-testid="count-handed-over">2</);

      const res = await download(clerk, '/fulfillment/dispatch.xlsx?from=2026-11-20&to=2026-11-21');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const name = decodeURIComponent(
        String(res.headers['content-disposition']).split("UTF-8''")[1],
      );
      expect(name).toBe('스마트스토어-일괄발송-20261120-20261121.xlsx');
      expect(await sheetOf(res.body as Buffer)).toEqual([
        ['상품주문번호', '배송방법', '택배사', '송장번호'],
        ['S-PARCEL', '택배,등기,소포', 'CJ대한통운', '601234567890'],
        ['S-BED', '직접전달'],
        ['S-DONE', '직접전달'],
      ]);
    });

    it('writes every row across several batches, in the order of the day filed under', async () => {
      const [order] = await createOrders(app, [
        {
          items: [
            {
              externalItemNo: 'LATE',
              deliveryMethod: 'OWN_TEAM',
              status: 'OUT_FOR_DELIVERY',
              scheduledDate: NOV_21,
            },
            {
              externalItemNo: 'EARLY-0000',
              deliveryMethod: 'OWN_TEAM',
              status: 'OUT_FOR_DELIVERY',
              scheduledDate: NOV_20,
            },
          ],
        },
      ]);
      // 2,100 more on the same day as EARLY-0000: batches continue on (lifeDate, id) ties.
      await prisma.$executeRaw`
        INSERT INTO OrderItem (orderId, channelId, externalItemNo, productName, quantity, unitPrice,
          amount, status, deliveryMethod, orderedAt, scheduledDate, lifeDate, updatedAt)
        SELECT orderId, channelId, CONCAT('EARLY-', LPAD(seq, 4, '0')), productName, 1, 1, 1,
          status, deliveryMethod, orderedAt, scheduledDate, lifeDate, updatedAt
        FROM OrderItem JOIN seq_1_to_2100 WHERE id = ${order.items[1].id}`;

      const res = await download(clerk, '/fulfillment/dispatch.xlsx?from=2026-11-20&to=2026-11-21');
      const numbers = (await sheetOf(res.body as Buffer)).slice(1).map((row) => row[0]);
      expect(numbers).toHaveLength(2102);
      expect(numbers.slice(0, 2)).toEqual(['EARLY-0000', 'EARLY-0001']);
      expect(numbers.at(-2)).toBe('EARLY-2100');
      expect(numbers.at(-1)).toBe('LATE');
    });

    it('shows the page again with the reason when the period is wrong', async () => {
      await createOrders(app, [{ channel: 'smartstore', items: [{}] }]);
      const res = await clerk.get('/fulfillment/dispatch.xlsx?from=2026-11-24&to=2026-11-20');
      expect(res.status).toBe(422);
      expect(res.text).toContain('종료일이 시작일보다 앞섭니다.');
      expect(res.text).toContain('value="2026-11-24"');
    });
  });

  describe('the partner file', () => {
    it('writes the partner’s items under its own headers, in its layout’s order', async () => {
      const [order] = await createOrders(app, [
        {
          channel: 'hanbit',
          externalOrderNo: 'HB-20261120-0001',
          recipientName: '=HYPERLINK("http://x")',
          items: [
            {
              externalItemNo: '1',
              productName: '원목 침대 프레임',
              optionName: '퀸',
              quantity: 2,
              unitPrice: 450_000,
              status: 'SHIPPED',
              deliveryMethod: 'COURIER',
              scheduledDate: NOV_20,
            },
            { externalItemNo: '2', status: 'NEW', scheduledDate: DEC_01 },
          ],
        },
        { channel: 'smartstore', items: [{ scheduledDate: NOV_20 }] },
      ]);
      await parcel('1', 'CJ대한통운', '601234567890');
      const channels = app.get(ChannelsService);
      await channels.saveLayout(order.channelId, {
        externalOrderNo: ['주문번호'],
        externalItemNo: ['품목번호', '상품주문번호'],
        recipientName: ['고객명'],
        productName: ['품명'],
        quantity: ['수량'],
        amount: ['합계'],
        status: ['처리상태'],
        courier: ['택배사'],
        trackingNo: ['운송장'],
      });

      const page = await clerk.get(`/fulfillment/partner?channelId=${order.channelId}`);
      expect(page.text).toContain('운송장');

      const res = await download(
        clerk,
        `/fulfillment/partner.xlsx?channelId=${order.channelId}&from=2026-11-20&to=2026-11-21`,
      );
      expect(res.status).toBe(200);
      expect(await sheetOf(res.body as Buffer)).toEqual([
        ['주문번호', '품목번호', '고객명', '품명', '수량', '합계', '처리상태', '택배사', '운송장'],
        [
          'HB-20261120-0001',
          '1',
          `'=HYPERLINK("http://x")`,
          '원목 침대 프레임',
          2,
          900_000,
          '발송(택배)',
          'CJ대한통운',
          '601234567890',
        ],
      ]);
    });

    it('uses the built-in partner layout when the admin saved none', async () => {
      const [order] = await createOrders(app, [
        { channel: 'hanbit', items: [{ scheduledDate: NOV_20 }] },
      ]);
      const res = await download(
        clerk,
        `/fulfillment/partner.xlsx?channelId=${order.channelId}&from=2026-11-20&to=2026-11-20`,
      );
      const [headers] = await sheetOf(res.body as Buffer);
      expect(headers.slice(0, 3)).toEqual(['품목번호', '주문번호', '주문일']);
    });

    it('asks for a partner when the channel is not one', async () => {
      const [order] = await createOrders(app, [{ channel: 'smartstore', items: [{}] }]);
      const res = await clerk.get(`/fulfillment/partner.xlsx?channelId=${order.channelId}`);
      expect(res.status).toBe(422);
      expect(res.text).toContain('내보낼 협력사 채널을 선택하세요.');
    });
  });

  describe('the picking list', () => {
    beforeEach(async () => {
      await createOrders(app, [
        {
          items: [
            {
              productName: '슬립웨이브 매트리스',
              optionName: 'Q',
              quantity: 2,
              scheduledDate: NOV_20,
            },
            {
              productName: '슬립웨이브 매트리스',
              optionName: 'Q',
              quantity: 1,
              status: 'CONFIRMED',
              scheduledDate: NOV_20,
            },
            { productName: '슬립웨이브 매트리스', optionName: 'K', scheduledDate: NOV_20 },
            {
              productName: '슬립웨이브 매트리스',
              optionName: 'Q',
              status: 'CANCELLED',
              scheduledDate: NOV_20,
            },
            {
              productName: '슬립웨이브 매트리스',
              optionName: 'Q',
              status: 'RETURN_REQUESTED',
              scheduledDate: NOV_20,
            },
            { productName: '슬립웨이브 매트리스', optionName: 'Q', scheduledDate: NOV_21 },
          ],
        },
      ]);
    });

    it('adds up the day’s quantities per product and option on the page', async () => {
      const page = await clerk.get('/fulfillment/picking?date=2026-11-20');
      expect(page.status).toBe(200);
      expect(page.text).toContain('name="date" type="date" value="2026-11-20"');
      expect([...page.text.matchAll(/data-testid="quantity">(\d+)</g)].map((m) => m[1])).toEqual([
        '1',
        '3',
      ]);
      expect(page.text).toMatch(/data-testid="total-quantity">4</);
    });

    it('downloads the same lines as a workbook', async () => {
      const res = await download(clerk, '/fulfillment/picking.xlsx?date=2026-11-20');
      expect(await sheetOf(res.body as Buffer)).toEqual([
        ['상품명', '옵션', '배송방법', '수량', '주문 건수'],
        ['슬립웨이브 매트리스', 'K', '자체배송', 1, 1],
        ['슬립웨이브 매트리스', 'Q', '자체배송', 3, 2],
      ]);
    });

    it('refuses a day that does not exist', async () => {
      const res = await clerk.get('/fulfillment/picking?date=2026-02-30');
      expect(res.status).toBe(422);
      expect(res.text).toContain('없는 날짜입니다: 2026-02-30');
    });
  });

  it('is reached from the navigation by clerks and admins, not drivers', async () => {
    const landing = await clerk.get('/fulfillment');
    expect(landing.status).toBe(200);
    expect(landing.text).toContain('href="/fulfillment"');
    for (const href of [
      '/fulfillment/tracking',
      '/fulfillment/dispatch',
      '/fulfillment/partner',
      '/fulfillment/picking',
    ]) {
      expect(landing.text).toContain(`href="${href}"`);
    }
    const driver = await logIn(app.getHttpServer(), 'driver');
    for (const path of ['/fulfillment', '/fulfillment/dispatch.xlsx', '/fulfillment/picking']) {
      expect((await driver.get(path)).status).toBe(403);
    }
    expect((await driver.get('/')).text).not.toContain('href="/fulfillment"');
    expect((await request(app.getHttpServer()).get('/fulfillment')).status).toBe(302);
  });
});
