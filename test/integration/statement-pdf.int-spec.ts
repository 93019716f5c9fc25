import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PrismaService } from '../../src/database/prisma.service';
import { OrderFinalizeService } from '../../src/orders/order-finalize.service';
import { createStaff } from '../support/factories';
import { Agent, logIn } from '../support/http';
import { createOrders } from '../support/order-factory';
import { createTestApp, resetState } from '../support/test-app';

const ROOT = resolve(__dirname, '../..');

// unpdf ships pdf.js as an ES module, which Jest's CommonJS runtime cannot import: the text
// is read in a plain Node process instead.
const EXTRACT = `
import { extractText, getDocumentProxy } from 'unpdf';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
const { text } = await extractText(pdf, { mergePages: true });
process.stdout.write(text);
`;

function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((done, fail) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', EXTRACT],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      // Wrapped cells break lines wherever the width ends: compare text, not layout.
      (error, stdout) => (error ? fail(error) : done(stdout.replace(/\s+/g, ' '))),
    );
    child.stdin!.end(pdf);
  });
}

async function download(agent: Agent, path: string) {
  return agent
    .get(path)
    .buffer(true)
    .parse((stream, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

const won = (amount: number) => new RegExp(`₩\\s?${amount.toLocaleString('ko-KR')}`);

describe('statements (거래명세서) as PDF', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let clerk: Agent;

  beforeAll(async () => {
    process.env.COMPANY_NAME = '(주)슬립웨이브 테스트';
    process.env.COMPANY_REGISTRATION_NO = '514-81-12345';
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(async () => {
    await resetState(app);
    await createStaff(app);
    clerk = await logIn(app.getHttpServer(), 'clerk');
  });
  afterAll(async () => {
    delete process.env.COMPANY_NAME;
    delete process.env.COMPANY_REGISTRATION_NO;
    await app.close();
  });

  describe('of one order', () => {
    async function finalisedOrder() {
      const [order] = await createOrders(app, [
        {
          buyerName: '박서연',
          buyerPhone: '010-2222-3333',
          items: [
            { status: 'DELIVERED', quantity: 2, unitPrice: 890_000 },
            { productName: '원목 침대 프레임', optionName: null, unitPrice: 450_000 },
            { productName: '메모리폼 베개', status: 'CANCELLED', unitPrice: 30_000 },
          ],
        },
      ]);
      await app.get(OrderFinalizeService).finalize({
        orderId: order.id,
        itemId: order.items[0].id,
        version: 0,
        finalQuantity: '2',
        finalAmount: '1,700,000',
        actorId: (await prisma.user.findFirstOrThrow({ where: { username: 'clerk' } })).id,
      });
      return order;
    }

    it('prints supplier, buyer and the supplied lines at their final amounts, in embedded Korean', async () => {
      const order = await finalisedOrder();
      const res = await download(clerk, `/orders/${order.id}/statement.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('거래명세서-박서연-')}`,
      );
      const text = await pdfText(res.body as Buffer);
      expect(text).toContain('거 래 명 세 서');
      expect(text).toContain(`명세서 번호 O-${String(order.id).padStart(8, '0')}`);
      expect(text).toContain('거래일 2026-11-20');
      expect(text).toContain('(주)슬립웨이브 테스트');
      expect(text).toContain('514-81-12345');
      expect(text).toContain('박서연');
      expect(text).toContain('010-2222-3333');
      expect(text).toContain(`네이버 스마트스토어 주문 ${order.externalOrderNo}`);
      expect(text).toContain('슬립웨이브 7존 하이브리드 매트리스');
      expect(text).toContain('사이즈: Q');
      expect(text).toMatch(/2 850,000 1,700,000/);
      expect(text).toContain('원목 침대 프레임');
      expect(text).toMatch(/1 450,000 450,000/);
      expect(text).not.toContain('메모리폼 베개');
      expect(text).toContain('합계 금액');
      expect(text).toMatch(won(2_150_000));
      expect(text).toMatch(/합계 3 2,150,000/);
    });

    it('links the statement from the order page', async () => {
      const order = await finalisedOrder();
      const page = await clerk.get(`/orders/${order.id}`);
      expect(page.text).toContain(`href="/orders/${order.id}/statement.pdf"`);
    });

    it('answers an order with nothing supplied with a Korean message, and an unknown one with 404', async () => {
      const [order] = await createOrders(app, [{ items: [{ status: 'CANCELLED' }] }]);
      const empty = await clerk.get(`/orders/${order.id}/statement.pdf`);
      expect(empty.status).toBe(422);
      expect(empty.text).toContain('명세서에 올릴 항목이 없습니다.');
      expect((await clerk.get('/orders/999999/statement.pdf')).status).toBe(404);
    });

    it('is not handed to the delivery team', async () => {
      const [order] = await createOrders(app, [{}]);
      const driver = await logIn(app.getHttpServer(), 'driver');
      expect((await driver.get(`/orders/${order.id}/statement.pdf`)).status).toBe(403);
    });
  });

  describe('of one partner and day', () => {
    const hanbitId = async () =>
      (await prisma.channel.findUniqueOrThrow({ where: { code: 'hanbit' } })).id;

    async function partnerDay() {
      return createOrders(app, [
        {
          channel: 'hanbit',
          orderedAt: new Date('2026-11-20T01:00:00Z'),
          items: [
            {
              productName: '배송완료 매트리스',
              status: 'DELIVERED',
              completedAt: new Date('2026-11-23T05:00:00Z'),
            },
          ],
        },
        {
          channel: 'hanbit',
          // 00:00 on the 23rd in Seoul.
          orderedAt: new Date('2026-11-22T15:00:00Z'),
          items: [{ productName: '자정 주문 프레임', unitPrice: 300_000, quantity: 2 }],
        },
        {
          channel: 'hanbit',
          // 23:59 on the 22nd in Seoul.
          orderedAt: new Date('2026-11-22T14:59:59Z'),
          items: [{ productName: '전날 주문 토퍼' }],
        },
        {
          channel: 'hanbit',
          orderedAt: new Date('2026-11-23T10:00:00Z'),
          items: [
            { productName: '라텍스 토퍼', unitPrice: 210_000 },
            { productName: '취소된 베개', status: 'CANCELLED' },
          ],
        },
        {
          channel: 'smartstore',
          orderedAt: new Date('2026-11-23T03:00:00Z'),
          items: [{ productName: '스마트스토어 매트리스' }],
        },
      ]);
    }

    it('gathers the partner items filed under that Seoul day, each with its order', async () => {
      const orders = await partnerDay();
      const channelId = await hanbitId();
      const res = await download(
        clerk,
        `/fulfillment/statements/partner.pdf?channelId=${channelId}&date=2026-11-23`,
      );
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(res.body as Buffer);
      expect(text).toContain(`P${String(channelId).padStart(3, '0')}-20261123`);
      expect(text).toContain('한빛가구 (협력사)');
      expect(text).toContain('2026-11-23 거래분 3건');
      for (const name of ['배송완료 매트리스', '자정 주문 프레임', '라텍스 토퍼']) {
        expect(text).toContain(name);
      }
      for (const name of ['전날 주문 토퍼', '취소된 베개', '스마트스토어 매트리스']) {
        expect(text).not.toContain(name);
      }
      expect(text).toContain(`주문 ${orders[0].externalOrderNo}`);
      expect(text).toContain(`주문 ${orders[3].externalOrderNo}`);
      expect(text).toMatch(won(890_000 + 600_000 + 210_000));
    });

    it('continues a long day on further pages', async () => {
      await createOrders(app, [
        {
          channel: 'hanbit',
          orderedAt: new Date('2026-11-23T02:00:00Z'),
          items: Array.from({ length: 45 }, (_, i) => ({ productName: `협력사 품목 ${i + 1}` })),
        },
      ]);
      const res = await download(
        clerk,
        `/fulfillment/statements/partner.pdf?channelId=${await hanbitId()}&date=2026-11-23`,
      );
      const text = await pdfText(res.body as Buffer);
      expect(text).toContain('(계속)');
      expect(text).toContain('협력사 품목 45');
      expect(text).toMatch(/\b2 \/ [23]\b/);
      expect(text).toMatch(won(45 * 890_000));
    });

    it('offers partner channels only on the picker page', async () => {
      await partnerDay();
      const page = await clerk.get('/fulfillment/statements');
      expect(page.status).toBe(200);
      expect(page.text).toContain('한빛가구 (협력사)');
      expect(page.text).not.toContain('네이버 스마트스토어');
    });

    it('keeps the choice and explains in Korean when no statement can be made', async () => {
      await partnerDay();
      const channelId = await hanbitId();
      const badDate = await clerk.get(
        `/fulfillment/statements/partner.pdf?channelId=${channelId}&date=2026-02-30`,
      );
      expect(badDate.status).toBe(422);
      expect(badDate.text).toContain('날짜를 YYYY-MM-DD 형식으로 입력하세요.');
      expect(badDate.text).toContain(`<option value="${channelId}" selected>`);
      expect(badDate.text).toContain('value="2026-02-30"');

      const empty = await clerk.get(
        `/fulfillment/statements/partner.pdf?channelId=${channelId}&date=2026-11-01`,
      );
      expect(empty.status).toBe(404);
      expect(empty.text).toContain('2026-11-01에 한빛가구 (협력사)의 거래 항목이 없습니다.');

      const smartstore = await prisma.channel.findUniqueOrThrow({ where: { code: 'smartstore' } });
      const notPartner = await clerk.get(
        `/fulfillment/statements/partner.pdf?channelId=${smartstore.id}&date=2026-11-23`,
      );
      expect(notPartner.status).toBe(422);
      expect(notPartner.text).toContain('협력사 채널을 선택하세요.');
    });
  });
});
