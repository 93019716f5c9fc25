import type { NestExpressApplication } from '@nestjs/platform-express';
import { PrismaService } from '../../src/database/prisma.service';
import { Role } from '../../src/generated/prisma/enums';
import { createStaff, createUser } from '../support/factories';
import { Agent, csrfFrom, logIn, shown } from '../support/http';
import { createOrderWithItems } from '../support/order-detail-fixture';
import { createTestApp, resetState } from '../support/test-app';

const STALE = '다른 사용자가 먼저 변경했습니다. 새로고침 후 다시 확인하세요.';

describe('finalising an order item with what was really delivered', () => {
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

  const tokenOf = async (agent: Agent, orderId: number) =>
    csrfFrom((await agent.get(`/orders/${orderId}`)).text);

  async function finalize(
    agent: Agent,
    item: { id: number; orderId: number },
    form: Record<string, string | number>,
    token?: string,
  ) {
    return agent
      .post(`/orders/${item.orderId}/items/${item.id}/finalize`)
      .type('form')
      .send({ _csrf: token ?? (await tokenOf(agent, item.orderId)), ...form });
  }

  // The finalize section of one item's row, from its <details> to the end of its form.
  function finalizeFormOf(html: string, itemId: number): string {
    const row = html.slice(html.indexOf(`id="item-${itemId}"`));
    const start = row.lastIndexOf('<details', row.indexOf('data-testid="finalize"'));
    return row.slice(start, row.indexOf('</details>', start));
  }

  const itemNow = (id: number) => prisma.orderItem.findUniqueOrThrow({ where: { id } });
  const orderNow = (id: number) => prisma.order.findUniqueOrThrow({ where: { id } });
  const finalizeEvents = (orderId: number) =>
    prisma.orderEvent.findMany({ where: { orderId, type: 'FINALIZE' }, orderBy: { id: 'asc' } });

  it('completes the item at the final quantity and amount, recomputes the total and keeps the difference', async () => {
    const { order, items } = await createOrderWithItems(app, {
      items: [
        { status: 'DELIVERED', quantity: 2, unitPrice: 890_000 },
        { status: 'NEW', quantity: 1, unitPrice: 50_000 },
      ],
    });
    const res = await finalize(clerk, items[0], {
      finalQuantity: '2',
      finalAmount: '1,700,000',
      version: 0,
    });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`/orders/${order.id}`);
    expect(await itemNow(items[0].id)).toMatchObject({
      status: 'COMPLETED',
      finalQuantity: 2,
      finalAmount: 1_700_000,
      quantity: 2,
      amount: 1_780_000,
      version: 1,
    });
    expect((await orderNow(order.id)).totalAmount).toBe(1_750_000);
    expect(await finalizeEvents(order.id)).toEqual([
      expect.objectContaining({
        itemId: items[0].id,
        actorId: staff.clerk.id,
        source: 'USER',
        fromValue: '수량 2 · 1,780,000원',
        toValue: '수량 2 · 1,700,000원',
        detail: expect.objectContaining({ amountChange: -80_000 }),
      }),
      expect.objectContaining({
        itemId: null,
        fromValue: '1,830,000원',
        toValue: '1,750,000원',
      }),
    ]);
    const status = await prisma.orderEvent.findFirstOrThrow({
      where: { itemId: items[0].id, type: 'STATUS' },
    });
    expect(status).toMatchObject({ fromValue: 'DELIVERED', toValue: 'COMPLETED' });

    const page = shown((await clerk.get(`/orders/${order.id}`)).text);
    expect(page).toContain(
      `${items[0].externalItemNo}을(를) 최종 확정했습니다: 수량 2 · 1,700,000원 (차액 -80,000원).`,
    );
    expect(page).toContain('최종 확정 · 최종 수량·금액');
    expect(page).toContain('최종 1,700,000원');
    expect(page).toContain('1,750,000원');
  });

  it('refuses an item that is not delivered yet with the status machine reason, changing nothing', async () => {
    const { order, items } = await createOrderWithItems(app, { items: [{ status: 'SHIPPED' }] });
    const res = await finalize(clerk, items[0], {
      finalQuantity: '1',
      finalAmount: '800000',
      version: 0,
    });
    expect(res.status).toBe(422);
    expect(shown(res.text)).toContain("'발송(택배)'에서 '완료'(으)로 바꿀 수 없습니다.");
    expect(await itemNow(items[0].id)).toMatchObject({
      status: 'SHIPPED',
      finalQuantity: null,
      finalAmount: null,
      version: 0,
    });
    expect((await orderNow(order.id)).totalAmount).toBe(890_000);
    expect(await prisma.orderEvent.count({ where: { type: { in: ['FINALIZE', 'STATUS'] } } })).toBe(
      0,
    );
  });

  it('shows Korean errors beside the fields of the item sent, keeping what was typed', async () => {
    const { items } = await createOrderWithItems(app, {
      items: [{ status: 'DELIVERED' }, { status: 'DELIVERED' }],
    });
    const res = await finalize(clerk, items[1], {
      finalQuantity: '0',
      finalAmount: '팔십만',
      version: 0,
    });
    expect(res.status).toBe(422);
    const form = finalizeFormOf(res.text, items[1].id);
    expect(form).toMatch(/^<details class="mt-1" open/);
    expect(form).toContain('value="0"');
    expect(form).toContain('value="팔십만"');
    expect(form).toContain('최종 수량은 1~999 사이의 정수로 입력하세요.');
    expect(form).toContain('최종 금액은 0원~10억 원 사이의 정수로 입력하세요.');
    expect(finalizeFormOf(res.text, items[0].id)).not.toMatch(/ open|is-invalid/);
    expect(await itemNow(items[1].id)).toMatchObject({ status: 'DELIVERED', finalAmount: null });
    expect(await prisma.orderEvent.count({ where: { type: 'FINALIZE' } })).toBe(0);
  });

  it('offers the form on delivered items only, filled with the counted values', async () => {
    const { order, items } = await createOrderWithItems(app, {
      items: [{ status: 'DELIVERED', quantity: 2, unitPrice: 450_000 }, { status: 'SHIPPED' }],
    });
    const page = await clerk.get(`/orders/${order.id}`);
    const forms = [...page.text.matchAll(/action="\/orders\/\d+\/items\/(\d+)\/finalize"/g)];
    expect(forms.map((m) => Number(m[1]))).toEqual([items[0].id]);
    expect(page.text).toContain(`id="fq-${items[0].id}" name="finalQuantity" value="2"`);
    expect(page.text).toContain(`id="fa-${items[0].id}" name="finalAmount" value="900000"`);
  });

  it('lets only one of two clerks finalise the same item; the other is told it changed', async () => {
    await createUser(app, { username: 'clerk2', role: Role.CLERK });
    const other = await logIn(app.getHttpServer(), 'clerk2');
    const { order, items } = await createOrderWithItems(app, { items: [{ status: 'DELIVERED' }] });
    const [first, second] = await Promise.all([tokenOf(clerk, order.id), tokenOf(other, order.id)]);
    const results = await Promise.all([
      finalize(clerk, items[0], { finalQuantity: '1', finalAmount: '850000', version: 0 }, first),
      finalize(other, items[0], { finalQuantity: '1', finalAmount: '800000', version: 0 }, second),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(results.find((r) => r.status === 409)?.text).toContain(STALE);
    const item = await itemNow(items[0].id);
    expect(item.version).toBe(1);
    const events = await finalizeEvents(order.id);
    expect(events.filter((e) => e.itemId === item.id)).toHaveLength(1);
    expect((await orderNow(order.id)).totalAmount).toBe(item.finalAmount);
  });

  it('counts both items when two clerks finalise different items of one order at once', async () => {
    await createUser(app, { username: 'clerk2', role: Role.CLERK });
    const other = await logIn(app.getHttpServer(), 'clerk2');
    const { order, items } = await createOrderWithItems(app, {
      items: [{ status: 'DELIVERED' }, { status: 'DELIVERED' }],
    });
    const [first, second] = await Promise.all([tokenOf(clerk, order.id), tokenOf(other, order.id)]);
    const results = await Promise.all([
      finalize(clerk, items[0], { finalQuantity: '1', finalAmount: '800000', version: 0 }, first),
      finalize(other, items[1], { finalQuantity: '1', finalAmount: '700000', version: 0 }, second),
    ]);
    expect(results.map((r) => r.status)).toEqual([302, 302]);
    expect((await orderNow(order.id)).totalAmount).toBe(1_500_000);
  });

  it('answers a double-submitted form once, then with 409', async () => {
    const { order, items } = await createOrderWithItems(app, { items: [{ status: 'DELIVERED' }] });
    const token = await tokenOf(clerk, order.id);
    const form = { finalQuantity: '1', finalAmount: '890000', version: 0 };
    const once = await finalize(clerk, items[0], form, token);
    const twice = await finalize(clerk, items[0], form, token);
    expect([once.status, twice.status]).toEqual([302, 409]);
    expect(twice.text).toContain(STALE);
    // Same amount as before: the item is recorded, the order total did not move.
    const events = await finalizeEvents(order.id);
    expect(events).toHaveLength(1);
    expect(events[0].toValue).toBe('수량 1 · 890,000원');
  });

  it('keeps the delivery team out', async () => {
    const driver = await logIn(app.getHttpServer(), 'driver');
    const { order, items } = await createOrderWithItems(app, { items: [{ status: 'DELIVERED' }] });
    const token = csrfFrom((await driver.get('/')).text);
    const res = await driver
      .post(`/orders/${order.id}/items/${items[0].id}/finalize`)
      .type('form')
      .send({ _csrf: token, finalQuantity: '1', finalAmount: '1', version: 0 });
    expect(res.status).toBe(403);
    expect((await itemNow(items[0].id)).status).toBe('DELIVERED');
  });
});
