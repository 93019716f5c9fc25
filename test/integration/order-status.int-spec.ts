import type { NestExpressApplication } from '@nestjs/platform-express';
import { PrismaService } from '../../src/database/prisma.service';
import { Role } from '../../src/generated/prisma/enums';
import { OrderStatusService, STATUS_ITEM_SELECT } from '../../src/orders/order-status.service';
import { createStaff, createUser } from '../support/factories';
import { Agent, csrfFrom, logIn, shown } from '../support/http';
import { createOrderWithItems } from '../support/order-detail-fixture';
import { createTestApp, resetState } from '../support/test-app';

const STALE = '다른 사용자가 먼저 변경했습니다. 새로고침 후 다시 확인하세요.';

describe('changing the status of order items', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let staff: Awaited<ReturnType<typeof createStaff>>;
  let clerk: Agent;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(async () => {
    await resetState(app);
    staff = await createStaff(app);
    clerk = await logIn(app.getHttpServer(), 'clerk');
  });
  afterAll(() => app.close());

  async function tokenOf(agent: Agent, orderId: number) {
    return csrfFrom((await agent.get(`/orders/${orderId}`)).text);
  }

  async function changeStatus(
    agent: Agent,
    item: { id: number; orderId: number },
    form: Record<string, string | number>,
    token?: string,
  ) {
    return agent
      .post(`/orders/${item.orderId}/items/${item.id}/status`)
      .type('form')
      .send({ _csrf: token ?? (await tokenOf(agent, item.orderId)), ...form });
  }

  const itemNow = (id: number) => prisma.orderItem.findUniqueOrThrow({ where: { id } });
  const statusEvents = (itemId: number) =>
    prisma.orderEvent.findMany({ where: { itemId, type: 'STATUS' } });

  it('moves an item along an allowed step, bumping its version and recording who did it', async () => {
    const { order, items } = await createOrderWithItems(app);
    const res = await changeStatus(clerk, items[0], { to: 'CONFIRMED', version: 0 });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`/orders/${order.id}`);
    expect(await itemNow(items[0].id)).toMatchObject({ status: 'CONFIRMED', version: 1 });
    expect(await statusEvents(items[0].id)).toEqual([
      expect.objectContaining({
        actorId: staff.clerk.id,
        source: 'USER',
        fromValue: 'NEW',
        toValue: 'CONFIRMED',
      }),
    ]);
    const page = await clerk.get(`/orders/${order.id}`);
    expect(shown(page.text)).toContain(
      `${items[0].externalItemNo}의 상태를 '발주확인'(으)로 바꿨습니다.`,
    );
    expect(page.text).toContain('상태 변경');
  });

  it('stamps the completion time on delivery and files the item under it', async () => {
    const { items } = await createOrderWithItems(app, { items: [{ status: 'OUT_FOR_DELIVERY' }] });
    await changeStatus(clerk, items[0], { to: 'DELIVERED', version: 0 });
    const item = await itemNow(items[0].id);
    expect(item.status).toBe('DELIVERED');
    expect(item.completedAt).not.toBeNull();
    expect(item.lifeDate).toEqual(item.completedAt);
  });

  it('refuses a step the status machine does not allow, in Korean, and changes nothing', async () => {
    const { items } = await createOrderWithItems(app, { items: [{ status: 'DELIVERED' }] });
    const res = await changeStatus(clerk, items[0], { to: 'NEW', version: 0 });
    expect(res.status).toBe(422);
    expect(shown(res.text)).toContain("'배송완료'에서 '신규'(으)로 바꿀 수 없습니다.");
    expect(await itemNow(items[0].id)).toMatchObject({ status: 'DELIVERED', version: 0 });
    expect(await statusEvents(items[0].id)).toEqual([]);
  });

  it('offers only the allowed next statuses on the page', async () => {
    const { order, items } = await createOrderWithItems(app, { items: [{ status: 'DELIVERED' }] });
    const page = await clerk.get(`/orders/${order.id}`);
    const row = page.text.slice(page.text.indexOf(`id="item-${items[0].id}"`));
    const form = row.slice(0, row.indexOf('</form>'));
    const offered = [...form.matchAll(/<option value="([A-Z_]+)"/g)].map((m) => m[1]);
    expect(offered).toEqual(['COMPLETED', 'RETURN_REQUESTED', 'EXCHANGE_REQUESTED']);
    expect(form).toContain('name="version" value="0"');
  });

  it('sends an own-team item out with its run and a courier item only with its tracking number', async () => {
    const { order, items } = await createOrderWithItems(app, {
      items: [{ status: 'PREPARING' }, { status: 'PREPARING', deliveryMethod: 'COURIER' }],
    });
    const page = await clerk.get(`/orders/${order.id}`);
    const offered = (id: number) => {
      const row = page.text.slice(page.text.indexOf(`id="item-${id}"`));
      const form = row.slice(0, row.indexOf('</form>'));
      return [...form.matchAll(/<option value="([A-Z_]+)"/g)].map((m) => m[1]);
    };
    expect(offered(items[0].id)).toContain('OUT_FOR_DELIVERY');
    expect(offered(items[0].id)).not.toContain('SHIPPED');
    expect(offered(items[1].id)).not.toContain('SHIPPED');
    expect(offered(items[1].id)).not.toContain('OUT_FOR_DELIVERY');

    const ownTeam = await changeStatus(clerk, items[0], { to: 'SHIPPED', version: 0 });
    expect(ownTeam.status).toBe(422);
    expect(shown(ownTeam.text)).toContain("자체 배송 상품은 '발송(택배)'로 바꿀 수 없습니다.");
    const noParcel = await changeStatus(clerk, items[1], { to: 'SHIPPED', version: 0 });
    expect(noParcel.status).toBe(422);
    expect(shown(noParcel.text)).toContain('송장번호가 없어 발송 처리할 수 없습니다.');
    expect(await statusEvents(items[0].id)).toEqual([]);
    expect(await statusEvents(items[1].id)).toEqual([]);
  });

  it('lets exactly one of two clerks win when both change the same item from the same version', async () => {
    await createUser(app, { username: 'clerk2', role: Role.CLERK });
    const other = await logIn(app.getHttpServer(), 'clerk2');
    const { items } = await createOrderWithItems(app);
    const [first, second] = await Promise.all([
      tokenOf(clerk, items[0].orderId),
      tokenOf(other, items[0].orderId),
    ]);
    const results = await Promise.all([
      changeStatus(clerk, items[0], { to: 'CONFIRMED', version: 0 }, first),
      changeStatus(other, items[0], { to: 'CANCELLED', version: 0 }, second),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(results.find((r) => r.status === 409)?.text).toContain(STALE);
    const item = await itemNow(items[0].id);
    expect(item.version).toBe(1);
    const events = await statusEvents(items[0].id);
    expect(events).toHaveLength(1);
    expect(events[0].toValue).toBe(item.status);
  });

  it('lets only one of two writers holding the same version through, whatever the timing', async () => {
    const { items } = await createOrderWithItems(app);
    const status = app.get(OrderStatusService);
    const seen = await prisma.orderItem.findUniqueOrThrow({
      where: { id: items[0].id },
      select: STATUS_ITEM_SELECT,
    });
    const outcomes = await Promise.all(
      (['CONFIRMED', 'CANCELLED'] as const).map((to) =>
        prisma.$transaction((tx) => status.apply(tx, seen, { to, source: 'USER' })),
      ),
    );
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['applied', 'stale']);
    expect(await statusEvents(items[0].id)).toHaveLength(1);
  });

  it('applies a double-submitted form once and answers the second with 409', async () => {
    const { items } = await createOrderWithItems(app);
    const token = await tokenOf(clerk, items[0].orderId);
    const once = await changeStatus(clerk, items[0], { to: 'CONFIRMED', version: 0 }, token);
    const twice = await changeStatus(clerk, items[0], { to: 'CONFIRMED', version: 0 }, token);
    expect([once.status, twice.status]).toEqual([302, 409]);
    expect(twice.text).toContain(STALE);
    expect(await itemNow(items[0].id)).toMatchObject({ status: 'CONFIRMED', version: 1 });
    expect(await statusEvents(items[0].id)).toHaveLength(1);
  });

  it('opens the cancel claim when an item is moved into the cancel path', async () => {
    const { items } = await createOrderWithItems(app);
    await changeStatus(clerk, items[0], { to: 'CANCEL_REQUESTED', version: 0, reason: '변심' });
    expect(await itemNow(items[0].id)).toMatchObject({
      status: 'CANCEL_REQUESTED',
      claimType: 'CANCEL',
      claimReason: '변심',
    });
  });

  describe('in bulk', () => {
    async function bulk(agent: Agent, body: string) {
      const token = csrfFrom((await agent.get('/')).text);
      return agent
        .post('/orders/bulk-status')
        .type('form')
        .send(`_csrf=${encodeURIComponent(token)}&${body}`);
    }
    const ids = (list: number[]) => list.map((id) => `itemIds=${id}`).join('&');

    it('changes each selected item on its own and reports every row', async () => {
      const { items } = await createOrderWithItems(app, {
        items: [{ status: 'NEW' }, { status: 'CONFIRMED' }, { status: 'DELIVERED' }],
      });
      const res = await bulk(clerk, `${ids([...items.map((i) => i.id), 999999])}&to=CONFIRMED`);
      expect(res.status).toBe(200);
      const outcome = (id: number) =>
        new RegExp(`data-item-id="${id}" data-outcome="([A-Z]+)"`).exec(res.text)?.[1];
      expect(items.map((i) => outcome(i.id))).toEqual(['SUCCESS', 'ALREADY', 'REFUSED']);
      expect(outcome(999999)).toBe('REFUSED');
      expect(res.text).toContain('성공');
      expect(res.text).toContain('이미 변경됨');
      expect(res.text).toContain('변경 불가');
      expect(shown(res.text)).toContain("'배송완료'에서 '발주확인'(으)로 바꿀 수 없습니다.");
      expect(res.text).toContain('주문 항목을 찾을 수 없습니다.');
      expect((await itemNow(items[0].id)).status).toBe('CONFIRMED');
      expect((await itemNow(items[2].id)).status).toBe('DELIVERED');
      expect(await prisma.orderEvent.count({ where: { type: 'STATUS' } })).toBe(1);
    });

    it('tells each customer once when several items of their order leave together', async () => {
      const { items } = await createOrderWithItems(app, {
        items: [{ status: 'PREPARING' }, { status: 'PREPARING', productName: '메모리폼 베개' }],
      });
      const other = await createOrderWithItems(app, { items: [{ status: 'PREPARING' }] });
      const selected = [items[0].id, other.items[0].id, items[1].id];
      const res = await bulk(clerk, `${ids(selected)}&to=OUT_FOR_DELIVERY`);
      expect(res.status).toBe(200);
      const outcomes = [...res.text.matchAll(/data-item-id="(\d+)" data-outcome="([A-Z]+)"/g)];
      expect(outcomes.map((m) => [Number(m[1]), m[2]])).toEqual(
        selected.map((id) => [id, 'SUCCESS']),
      );
      const messages = await prisma.notification.findMany({ orderBy: { id: 'asc' } });
      expect(messages.map((m) => m.itemId)).toEqual([items[0].id, other.items[0].id]);
      expect(messages[0].body).toContain('외 1건');
    });

    it('accepts a single checkbox and goes back to the list it came from', async () => {
      const { items } = await createOrderWithItems(app);
      const res = await bulk(
        clerk,
        `itemIds=${items[0].id}&to=CONFIRMED&returnTo=${encodeURIComponent('/orders?status=NEW')}`,
      );
      expect(res.status).toBe(200);
      expect(shown(res.text)).toContain('href="/orders?status=NEW"');
      expect((await itemNow(items[0].id)).status).toBe('CONFIRMED');
    });

    it('refuses more than 500 items at once, in Korean, and changes nothing', async () => {
      const { items } = await createOrderWithItems(app);
      const many = Array.from({ length: 500 }, (_, i) => 100000 + i);
      const res = await bulk(clerk, `${ids([items[0].id, ...many])}&to=CONFIRMED`);
      expect(res.status).toBe(422);
      expect(res.text).toContain('한 번에 500건까지 바꿀 수 있습니다.');
      expect((await itemNow(items[0].id)).status).toBe('NEW');
    });

    it('asks to select items when none were', async () => {
      const res = await bulk(clerk, 'to=CONFIRMED');
      expect(res.status).toBe(422);
      expect(res.text).toContain('상태를 바꿀 항목을 선택하세요.');
    });
  });
});
