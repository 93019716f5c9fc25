import { once } from 'node:events';
import { IncomingHttpHeaders, Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PrismaService } from '../../src/database/prisma.service';
import { ItemStatus } from '../../src/generated/prisma/enums';
import { LOG_ONLY_REPLY } from '../../src/notifications/log-notification.provider';
import { NotificationDispatcher } from '../../src/notifications/notification-dispatcher';
import { OrderStatusService, STATUS_ITEM_SELECT } from '../../src/orders/order-status.service';
import { createStaff } from '../support/factories';
import { Agent, csrfFrom, logIn, shown } from '../support/http';
import { FixtureItem, createOrderWithItems } from '../support/order-detail-fixture';
import { createTestApp, resetState } from '../support/test-app';

const PARCEL: FixtureItem = {
  status: 'PREPARING',
  deliveryMethod: 'COURIER',
  courier: 'CJ대한통운',
  trackingNo: '612345678901',
};

// A stand-in SMS gateway on 127.0.0.1: keeps what it was sent and answers as the test says.
class FakeGateway {
  requests: Array<{ headers: IncomingHttpHeaders; body: unknown }> = [];
  answer: 'ok' | 'error' | 'silence' = 'ok';
  port = 0;
  private server: Server | null = null;

  get url() {
    return `http://127.0.0.1:${this.port}/v1/messages`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (raw += chunk));
      req.on('end', () => {
        this.requests.push({ headers: req.headers, body: JSON.parse(raw) as unknown });
        if (this.answer === 'silence') return;
        if (this.answer === 'error') {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end('게이트웨이 점검 중');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ messageId: `m-${this.requests.length}` }));
      });
    });
    server.listen(this.port, '127.0.0.1');
    await once(server, 'listening');
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('customer notifications', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let clerk: Agent;

  async function changeStatus(item: { id: number; orderId: number }, to: ItemStatus) {
    const token = csrfFrom((await clerk.get(`/orders/${item.orderId}`)).text);
    const res = await clerk
      .post(`/orders/${item.orderId}/items/${item.id}/status`)
      .type('form')
      .send({ _csrf: token, to, version: 0 });
    expect(res.status).toBe(302);
    await app.get(NotificationDispatcher).drained();
  }

  const messages = () => prisma.notification.findMany({ orderBy: { id: 'asc' } });
  const itemStatus = async (id: number) =>
    (await prisma.orderItem.findUniqueOrThrow({ where: { id } })).status;

  describe('with the default provider, which only records', () => {
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

    // Several changes in one transaction, as a delivery stop marked done makes them.
    async function inOneTransaction(steps: Array<{ itemId: number; to: ItemStatus }>) {
      const status = app.get(OrderStatusService);
      await prisma.$transaction(async (tx) => {
        for (const { itemId, to } of steps) {
          const item = await tx.orderItem.findUniqueOrThrow({
            where: { id: itemId },
            select: STATUS_ITEM_SELECT,
          });
          expect(await status.apply(tx, item, { to, source: 'USER' })).toEqual({
            kind: 'applied',
          });
        }
      });
      await app.get(NotificationDispatcher).drained();
    }

    it('writes exactly one message when an item is dispatched, recorded as sent without sending', async () => {
      const { order, items } = await createOrderWithItems(app, { items: [PARCEL] });
      await changeStatus(items[0], 'SHIPPED');
      const rows = await messages();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        itemId: items[0].id,
        recipient: '010-1234-5678',
        event: 'SHIPPED',
        provider: 'log',
        status: 'SENT',
        providerReply: LOG_ONLY_REPLY,
        attempts: 1,
        nextAttemptAt: null,
      });
      expect(rows[0].sentAt).toBeInstanceOf(Date);
      expect(rows[0].body.split('\n')).toEqual([
        '[(주)데모침대] 김민준님, 주문하신 상품이 택배로 발송되었습니다.',
        `주문번호: ${order.externalOrderNo}`,
        '상품: 모션베드 M1 (퀸 / 그레이)',
        '운송장: CJ대한통운 612345678901',
      ]);
    });

    it('writes nothing for a step the customer need not hear about', async () => {
      const { items } = await createOrderWithItems(app);
      await changeStatus(items[0], 'CONFIRMED');
      expect(await messages()).toEqual([]);
    });

    it('sends one message per order when its items are delivered together, telling only where they ended up', async () => {
      const { items } = await createOrderWithItems(app, {
        items: [{ status: 'PREPARING' }, { status: 'PREPARING', productName: '메모리폼 베개' }],
      });
      const other = await createOrderWithItems(app, { items: [{ status: 'OUT_FOR_DELIVERY' }] });
      await inOneTransaction([
        ...items.flatMap((item) => [
          { itemId: item.id, to: 'OUT_FOR_DELIVERY' as const },
          { itemId: item.id, to: 'DELIVERED' as const },
        ]),
        { itemId: other.items[0].id, to: 'DELIVERED' },
      ]);
      const rows = await messages();
      expect(rows.map((r) => [r.itemId, r.event, r.status])).toEqual([
        [items[0].id, 'DELIVERED', 'SENT'],
        [other.items[0].id, 'DELIVERED', 'SENT'],
      ]);
      expect(rows[0].body).toContain('상품: 모션베드 M1 (퀸 / 그레이) 외 1건');
      expect(rows[0].body).toContain('배송이 완료되었습니다');
    });

    it('writes no message for a status change that is rolled back', async () => {
      const { items } = await createOrderWithItems(app, { items: [PARCEL] });
      const status = app.get(OrderStatusService);
      await expect(
        prisma.$transaction(async (tx) => {
          const item = await tx.orderItem.findUniqueOrThrow({
            where: { id: items[0].id },
            select: STATUS_ITEM_SELECT,
          });
          await status.apply(tx, item, { to: 'SHIPPED', source: 'USER' });
          throw new Error('later step failed');
        }),
      ).rejects.toThrow('later step failed');
      await app.get(NotificationDispatcher).drained();
      expect(await messages()).toEqual([]);
      expect(await itemStatus(items[0].id)).toBe('PREPARING');
    });

    it('sends a message only once the transaction that wrote it has committed', async () => {
      const { items } = await createOrderWithItems(app, { items: [PARCEL] });
      const status = app.get(OrderStatusService);
      let inside: Array<{ attempts: number; sentAt: Date | null }> = [];
      await prisma.$transaction(async (tx) => {
        const item = await tx.orderItem.findUniqueOrThrow({
          where: { id: items[0].id },
          select: STATUS_ITEM_SELECT,
        });
        await status.apply(tx, item, { to: 'SHIPPED', source: 'USER' });
        // The sender already tries for the new row; while the transaction goes on it must
        // neither claim nor send it.
        await new Promise((resolve) => setTimeout(resolve, 300));
        inside = await tx.notification.findMany({ select: { attempts: true, sentAt: true } });
      });
      await app.get(NotificationDispatcher).drained();
      expect(inside).toEqual([{ attempts: 0, sentAt: null }]);
      expect(await messages()).toEqual([
        expect.objectContaining({ status: 'SENT', attempts: 1, event: 'SHIPPED' }),
      ]);
    });

    describe('the log page', () => {
      async function seedLog(count: number, itemId: number | null) {
        const first = Date.parse('2026-11-24T15:30:00Z');
        await prisma.notification.createMany({
          data: Array.from({ length: count }, (_, i) => ({
            itemId,
            recipient: `010-0000-${String(i).padStart(4, '0')}`,
            event: i % 2 ? 'DELIVERED' : 'SHIPPED',
            body: `메시지 ${i}`,
            provider: 'http',
            status: i % 3 === 0 ? ('FAILED' as const) : ('SENT' as const),
            providerReply: i % 3 === 0 ? 'HTTP 500 점검 중' : 'HTTP 200',
            attempts: 1,
            createdAt: new Date(first + i * 60_000),
          })),
        });
      }

      it('lists messages newest first in Seoul time, paged, with a link to the order', async () => {
        const { order, items } = await createOrderWithItems(app);
        await seedLog(55, items[0].id);
        const res = await clerk.get('/admin/notifications');
        expect(res.status).toBe(200);
        const ids = [...res.text.matchAll(/id="notification-(\d+)"/g)].map((m) => Number(m[1]));
        expect(ids).toHaveLength(50);
        expect(ids[0]).toBeGreaterThan(ids[49]);
        // 15:30 UTC + 54 minutes is 01:24 the next day in Seoul.
        expect(res.text).toContain('2026-11-25 01:24');
        expect(res.text).toContain('010-0000-0054');
        expect(res.text).toContain(`href="/orders/${order.id}"`);
        expect(res.text).toContain('총 55건');
        expect(shown(res.text)).toContain('href="/admin/notifications?page=2"');
        const second = await clerk.get('/admin/notifications?page=2');
        expect([...second.text.matchAll(/id="notification-(\d+)"/g)]).toHaveLength(5);
      });

      it('filters by status and offers a retry only on failed messages', async () => {
        await seedLog(9, null);
        const res = await clerk.get('/admin/notifications?status=FAILED');
        const statuses = [...res.text.matchAll(/data-status="([A-Z]+)"/g)].map((m) => m[1]);
        expect(statuses).toEqual(['FAILED', 'FAILED', 'FAILED']);
        expect(res.text.match(/다시 보내기/g)).toHaveLength(3);
        expect(res.text).toContain('HTTP 500 점검 중');
        const sent = await clerk.get('/admin/notifications?status=SENT');
        expect(sent.text).not.toContain('다시 보내기');
      });

      it('names the provider in Korean and shows a message only recorded as 기록됨, not as sent', async () => {
        await seedLog(2, null);
        await prisma.notification.create({
          data: {
            recipient: '010-1111-2222',
            event: 'DELIVERED',
            body: '기록만 한 메시지',
            provider: 'log',
            status: 'SENT',
            providerReply: LOG_ONLY_REPLY,
            attempts: 1,
          },
        });
        const res = await clerk.get('/admin/notifications');
        const rows = res.text.split('<tr id="notification-').slice(1);
        const recorded = rows.find((r) => r.includes('기록만 한 메시지'))!;
        expect(recorded).toContain('기록만 (발송 안 함)');
        expect(recorded).toContain('기록됨');
        expect(recorded).not.toContain('발송됨');
        expect(rows.filter((r) => r.includes('문자 게이트웨이'))).toHaveLength(2);
      });

      it('is open to clerks and admins, and listed in their menu, but not to the delivery team', async () => {
        expect((await clerk.get('/')).text).toContain('알림 발송 기록');
        const admin = await logIn(app.getHttpServer(), 'admin');
        expect((await admin.get('/admin/notifications')).status).toBe(200);
        const driver = await logIn(app.getHttpServer(), 'driver');
        expect((await driver.get('/admin/notifications')).status).toBe(403);
      });
    });
  });

  describe('with the HTTP provider', () => {
    const gateway = new FakeGateway();
    const settings = {
      NOTIFY_PROVIDER: 'http',
      NOTIFY_HTTP_TOKEN: 'gateway-token',
      NOTIFY_HTTP_TIMEOUT_MS: '300',
      // The tests drive the sweep themselves, with a clock of their choosing.
      NOTIFY_SWEEP_SECONDS: '0',
    };

    beforeAll(async () => {
      await gateway.start();
      Object.assign(process.env, settings, { NOTIFY_HTTP_URL: gateway.url });
      try {
        app = await createTestApp();
      } finally {
        for (const key of [...Object.keys(settings), 'NOTIFY_HTTP_URL']) delete process.env[key];
      }
      prisma = app.get(PrismaService);
    });
    beforeEach(async () => {
      await resetState(app);
      await createStaff(app);
      clerk = await logIn(app.getHttpServer(), 'clerk');
      gateway.requests = [];
      gateway.answer = 'ok';
    });
    afterAll(async () => {
      await app.close();
      await gateway.stop();
    });

    async function failedDispatch() {
      gateway.answer = 'error';
      const { items } = await createOrderWithItems(app, { items: [PARCEL] });
      await changeStatus(items[0], 'SHIPPED');
      const [row] = await messages();
      expect(row).toMatchObject({ status: 'FAILED', attempts: 1 });
      return { item: items[0], row };
    }

    async function retry(id: number, attempts: number, token?: string) {
      const page = await clerk.get('/admin/notifications?status=FAILED');
      return clerk
        .post(`/admin/notifications/${id}/retry`)
        .type('form')
        .send({
          ...(token === '' ? {} : { _csrf: token ?? csrfFrom(page.text) }),
          attempts,
          returnTo: '/admin/notifications?status=FAILED',
        });
    }

    it('posts the message as JSON with the bearer token and records the reply as sent', async () => {
      const { items } = await createOrderWithItems(app, { items: [PARCEL] });
      await changeStatus(items[0], 'SHIPPED');
      const [row] = await messages();
      expect(row).toMatchObject({
        provider: 'http',
        status: 'SENT',
        providerReply: 'HTTP 200 {"messageId":"m-1"}',
        attempts: 1,
      });
      expect(gateway.requests).toHaveLength(1);
      const [sent] = gateway.requests;
      expect(sent.body).toEqual({
        id: row.id,
        to: '010-1234-5678',
        event: 'SHIPPED',
        body: row.body,
      });
      expect(sent.headers).toMatchObject({
        authorization: 'Bearer gateway-token',
        'content-type': 'application/json',
        'idempotency-key': `notification-${row.id}`,
      });
    });

    it('keeps the status change when the gateway answers 500, and schedules another attempt', async () => {
      const before = Date.now();
      const { item, row } = await failedDispatch();
      const after = Date.now();
      expect(await itemStatus(item.id)).toBe('SHIPPED');
      expect(row).toMatchObject({ providerReply: 'HTTP 500 게이트웨이 점검 중', sentAt: null });
      // A minute after the failed attempt, which happened somewhere inside the dispatch.
      const next = row.nextAttemptAt?.getTime() ?? 0;
      expect(next).toBeGreaterThanOrEqual(before + 60_000);
      expect(next).toBeLessThanOrEqual(after + 60_000);
    });

    it('keeps the status change when nothing listens at the gateway address', async () => {
      const { items } = await createOrderWithItems(app, { items: [PARCEL] });
      await gateway.stop();
      try {
        await changeStatus(items[0], 'SHIPPED');
      } finally {
        await gateway.start();
      }
      expect(await itemStatus(items[0].id)).toBe('SHIPPED');
      const [row] = await messages();
      expect(row.status).toBe('FAILED');
      expect(row.attempts).toBe(1);
      expect(row.providerReply).toMatch(/^연결 실패: .*ECONNREFUSED/);
    });

    it('gives up on a gateway that does not answer within the timeout', async () => {
      gateway.answer = 'silence';
      const { items } = await createOrderWithItems(app, { items: [PARCEL] });
      await changeStatus(items[0], 'SHIPPED');
      expect(await itemStatus(items[0].id)).toBe('SHIPPED');
      expect(await messages()).toEqual([
        expect.objectContaining({
          status: 'FAILED',
          attempts: 1,
          providerReply: '시간 초과: 300ms 안에 응답이 없습니다',
        }),
      ]);
    });

    it('sends a failed message again from the log page once the gateway recovers', async () => {
      const { row } = await failedDispatch();
      gateway.answer = 'ok';
      const res = await retry(row.id, 1);
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('/admin/notifications?status=FAILED');
      const after = await prisma.notification.findUniqueOrThrow({ where: { id: row.id } });
      expect(after).toMatchObject({
        status: 'SENT',
        attempts: 2,
        providerReply: 'HTTP 200 {"messageId":"m-2"}',
        nextAttemptAt: null,
      });
      expect(gateway.requests).toHaveLength(2);
      expect((await clerk.get(res.headers.location)).text).toContain('알림을 다시 보냈습니다.');
    });

    it('changes nothing when retry is clicked again on a message already sent', async () => {
      const { row } = await failedDispatch();
      gateway.answer = 'ok';
      const page = await clerk.get('/admin/notifications?status=FAILED');
      const token = csrfFrom(page.text);
      await retry(row.id, 1, token);
      const sent = await prisma.notification.findUniqueOrThrow({ where: { id: row.id } });
      const again = await retry(row.id, 1, token);
      expect(again.status).toBe(302);
      expect(await prisma.notification.findUniqueOrThrow({ where: { id: row.id } })).toEqual(sent);
      expect(gateway.requests).toHaveLength(2);
      expect((await clerk.get(again.headers.location)).text).toContain(
        '이미 발송된 알림입니다. 다시 보내지 않았습니다.',
      );
    });

    it('says so when a retry fails again, and counts that attempt too', async () => {
      const { row } = await failedDispatch();
      const res = await retry(row.id, 1);
      expect(res.status).toBe(302);
      expect(await prisma.notification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
        status: 'FAILED',
        attempts: 2,
      });
      expect((await clerk.get(res.headers.location)).text).toContain(
        '다시 보내지 못했습니다: HTTP 500 게이트웨이 점검 중',
      );
    });

    it('refuses a retry without the CSRF token and sends nothing', async () => {
      const { row } = await failedDispatch();
      gateway.answer = 'ok';
      const res = await retry(row.id, 1, '');
      expect(res.status).toBe(403);
      expect(await prisma.notification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
        status: 'FAILED',
        attempts: 1,
      });
      expect(gateway.requests).toHaveLength(1);
    });

    it('refuses a malformed retry form with the log page and sends nothing', async () => {
      const { row } = await failedDispatch();
      gateway.answer = 'ok';
      const token = csrfFrom((await clerk.get('/admin/notifications')).text);
      const res = await clerk
        .post(`/admin/notifications/${row.id}/retry`)
        .type('form')
        .send({ _csrf: token, attempts: 'x' });
      expect(res.status).toBe(422);
      expect(res.text).toContain('알림 발송 기록');
      expect(await prisma.notification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
        status: 'FAILED',
        attempts: 1,
      });
      expect(gateway.requests).toHaveLength(1);
      const missing = await clerk
        .post('/admin/notifications/999999/retry')
        .type('form')
        .send({ _csrf: token, attempts: 1 });
      expect(missing.status).toBe(404);
    });

    it('lets the sweep try a failed message again after its backoff, up to the allowed attempts', async () => {
      const { row } = await failedDispatch();
      const dispatcher = app.get(NotificationDispatcher);
      const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
      const attemptsNow = async () =>
        (await prisma.notification.findUniqueOrThrow({ where: { id: row.id } })).attempts;

      await dispatcher.sweep(later(0.5));
      expect(await attemptsNow()).toBe(1);
      await dispatcher.sweep(later(1.5));
      expect(await attemptsNow()).toBe(2);
      await dispatcher.sweep(later(10));
      const exhausted = await prisma.notification.findUniqueOrThrow({ where: { id: row.id } });
      expect(exhausted).toMatchObject({ status: 'FAILED', attempts: 3, nextAttemptAt: null });
      await dispatcher.sweep(later(24 * 60));
      expect(await attemptsNow()).toBe(3);
      expect(gateway.requests).toHaveLength(3);
    });
  });
});
