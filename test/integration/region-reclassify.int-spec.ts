import type { NestExpressApplication } from '@nestjs/platform-express';
import { PrismaService } from '../../src/database/prisma.service';
import { createStaff } from '../support/factories';
import { Agent, csrfFrom, logIn } from '../support/http';
import { createOrderWithItems } from '../support/order-detail-fixture';
import { createTestApp, resetState } from '../support/test-app';

const SUWON = { postalCode: '16514', address: '경기도 수원시 영통구 광교중앙로 140' };
const SUWON_REGION = { regionSido: '경기도', regionSigungu: '수원시' };
const YONGIN_REGION = { regionSido: '경기도', regionSigungu: '용인시' };
const PAGE = '/admin/regions/orders';
const PROGRESS = '/admin/regions/reclassify/progress';

describe('region counts and re-classifying orders', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let admin: Agent;
  let adminId: number;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(async () => {
    await resetState(app);
    adminId = (await createStaff(app)).admin.id;
    admin = await logIn(app.getHttpServer(), 'admin');
  });
  afterAll(async () => {
    await app.close();
  });

  // The fixture writes a 서울 강남구 order; this moves it (and its items' stored region).
  async function orderAt(
    address: { postalCode: string | null; address: string },
    region: { regionSido: string | null; regionSigungu: string | null },
    itemCount = 1,
  ) {
    const created = await createOrderWithItems(app, { items: Array(itemCount).fill({}) });
    await prisma.order.update({ where: { id: created.order.id }, data: address });
    await prisma.orderItem.updateMany({ where: { orderId: created.order.id }, data: region });
    return created;
  }

  async function post(path: string, form: Record<string, string>, from = PAGE) {
    const token = csrfFrom((await admin.get(from)).text);
    return admin
      .post(path)
      .type('form')
      .send({ _csrf: token, ...form });
  }

  async function overrideSuwonToYongin() {
    const res = await post(
      '/admin/regions/overrides',
      { postalCode: '16514', sido: '경기도', sigungu: '용인시', gu: '', reason: '단지 정정' },
      '/admin/regions',
    );
    expect(res.status).toBe(302);
  }

  async function finishedJob() {
    for (let attempt = 0; attempt < 400; attempt++) {
      const res = await admin.get(PROGRESS).set('accept', 'application/json');
      expect(res.status).toBe(200);
      if (res.body.status !== 'running') return res.body;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the re-classify job did not finish');
  }

  const regionsOf = (orderId: number) =>
    prisma.orderItem.findMany({
      where: { orderId },
      select: { regionSido: true, regionSigungu: true },
    });

  const listLink = (query: Record<string, string>) =>
    // As Handlebars escapes an attribute.
    `href="/orders?${new URLSearchParams(query).toString().replace(/&/g, '&amp;').replace(/=/g, '&#x3D;')}"`;

  it('counts items per 시/도 and 시/군/구, with items without a region apart', async () => {
    await createOrderWithItems(app, { items: [{}, {}] });
    await createOrderWithItems(app);
    await orderAt(SUWON, SUWON_REGION);
    await orderAt(
      { postalCode: null, address: '알 수 없음' },
      { regionSido: null, regionSigungu: null },
    );

    const res = await admin.get(PAGE);

    expect(res.status).toBe(200);
    expect(res.text).toMatch(/data-region="서울특별시 강남구">.*?>3<\/td>/);
    expect(res.text).toMatch(/data-region="경기도 수원시">.*?>1<\/td>/);
    expect(res.text).toMatch(/data-region="미분류">.*?>1<\/td>/);
    expect(res.text).toContain('전체 5건');
    expect(res.text).toContain(listLink({ sido: '서울특별시', sigungu: '강남구' }));
    const byName = (await admin.get(PAGE).query({ sort: 'name' })).text;
    expect(byName.indexOf('data-sido="경기도"')).toBeLessThan(byName.indexOf('data-sido="서울'));
    expect(res.text.indexOf('data-sido="서울')).toBeLessThan(
      res.text.indexOf('data-sido="경기도"'),
    );
  });

  it('counts what re-classifying would change without writing anything', async () => {
    const { order } = await orderAt(SUWON, SUWON_REGION, 2);
    await createOrderWithItems(app);
    await overrideSuwonToYongin();

    expect((await post('/admin/regions/reclassify', { mode: 'check' })).status).toBe(302);
    const job = await finishedJob();

    expect(job).toMatchObject({ status: 'done', mode: 'check', processed: 3, changed: 2 });
    expect(await regionsOf(order.id)).toEqual([SUWON_REGION, SUWON_REGION]);
    const page = await admin.get(PAGE);
    expect(page.text).toMatch(/data-testid="would-change">2</);
    expect(page.text).toContain('경기도 수원시</td><td>경기도 용인시');
    expect(page.text).not.toContain('data-testid="stale"');
    await post('/admin/regions/overrides', {
      postalCode: '06236',
      sido: '서울특별시',
      sigungu: '서초구',
      reason: '테스트',
    });
    expect((await admin.get(PAGE)).text).toContain('data-testid="stale"');
  });

  it('after an override, re-classifies exactly the affected items, with history and audit', async () => {
    const { order: moved } = await orderAt(SUWON, SUWON_REGION, 2);
    const { order: kept } = await createOrderWithItems(app, { items: [{ bundleNo: 'KEPT' }] });
    await overrideSuwonToYongin();
    const regionsPage = await admin.get('/admin/regions');
    expect(regionsPage.text).toContain('지역별 주문 수 · 재분류');
    expect(regionsPage.text).toContain(`href="${PAGE}"`);

    expect((await post('/admin/regions/reclassify', { mode: 'apply' })).status).toBe(302);
    const job = await finishedJob();

    expect(job).toMatchObject({ status: 'done', mode: 'apply', changed: 2, orders: 1 });
    expect(await regionsOf(moved.id)).toEqual([YONGIN_REGION, YONGIN_REGION]);
    // The delivery view groups stops by the bundle's region, which follows its items.
    expect(
      await prisma.deliveryBundle.findMany({
        where: { items: { some: { orderId: moved.id } } },
        select: { regionSido: true, regionSigungu: true },
      }),
    ).toEqual([YONGIN_REGION]);
    expect(await regionsOf(kept.id)).toEqual([
      { regionSido: '서울특별시', regionSigungu: '강남구' },
    ]);
    const events = await prisma.orderEvent.findMany({ where: { source: 'SYSTEM' } });
    expect(events).toEqual([
      expect.objectContaining({
        orderId: moved.id,
        actorId: adminId,
        type: 'ADDRESS',
        fromValue: '경기도 수원시',
        toValue: '경기도 용인시',
      }),
    ]);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'REGION_RECLASSIFIED' },
    });
    expect(audit).toMatchObject({ actorId: adminId, username: 'admin' });
    expect(audit.detail).toMatchObject({ status: 'done', processed: 3, changed: 2, orders: 1 });
    expect((await admin.get(PAGE)).text).toMatch(
      /data-testid="reclassified"><strong>2<\/strong>건 재분류/,
    );
    expect((await admin.get(`/orders/${moved.id}`)).text).toContain('경기도 용인시');
  });

  it('refuses a second start while a job is running', async () => {
    const { order } = await orderAt(SUWON, SUWON_REGION);
    await overrideSuwonToYongin();
    // An address edit holding the order's row lock keeps the job waiting inside its chunk.
    let releaseRow!: () => void;
    let rowLocked!: () => void;
    const locked = new Promise<void>((resolve) => (rowLocked = resolve));
    const editing = prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM \`Order\` WHERE id = ${order.id} FOR UPDATE`;
        rowLocked();
        await new Promise<void>((resolve) => (releaseRow = resolve));
      },
      { timeout: 20_000 },
    );
    await locked;

    expect((await post('/admin/regions/reclassify', { mode: 'apply' })).status).toBe(302);
    const second = await post('/admin/regions/reclassify', { mode: 'check' });

    expect(second.status).toBe(409);
    expect(second.text).toContain('지역 재분류 작업이 이미 진행 중입니다');
    expect((await admin.get(PROGRESS)).body).toMatchObject({ status: 'running', mode: 'apply' });
    expect((await admin.get(PAGE)).text).toContain(
      'data-job-progress="/admin/regions/reclassify/progress"',
    );
    releaseRow();
    await editing;
    expect(await finishedJob()).toMatchObject({ status: 'done', changed: 1 });
    expect((await post('/admin/regions/reclassify', { mode: 'check' })).status).toBe(302);
    expect(await finishedJob()).toMatchObject({ status: 'done', mode: 'check', changed: 0 });
  });

  it('walks more items than one chunk and reports progress until it is done', async () => {
    expect((await admin.get(PROGRESS)).body).toEqual({ status: 'idle' });
    const { order, items } = await createOrderWithItems(app);
    // 6,000 more items of the same (correctly classified) order, past the 5,000-item chunk.
    await prisma.$executeRaw`
      INSERT INTO OrderItem (orderId, channelId, externalItemNo, productName, quantity, unitPrice,
        amount, status, deliveryMethod, regionSido, regionSigungu, orderedAt, lifeDate, updatedAt)
      SELECT orderId, channelId, CONCAT('bulk-', s.seq), productName, quantity, unitPrice, amount,
        status, deliveryMethod, regionSido, regionSigungu, orderedAt, lifeDate, updatedAt
      FROM OrderItem JOIN seq_1_to_6000 s WHERE id = ${items[0].id}`;
    const { order: moved } = await orderAt(SUWON, SUWON_REGION);
    await overrideSuwonToYongin();

    await post('/admin/regions/reclassify', { mode: 'apply' });
    const job = await finishedJob();

    expect(job).toMatchObject({ status: 'done', total: 6002, processed: 6002, changed: 1 });
    expect(job.finishedAt).toEqual(expect.any(String));
    expect(await regionsOf(moved.id)).toEqual([YONGIN_REGION]);
    expect(await prisma.orderEvent.count({ where: { orderId: order.id, source: 'SYSTEM' } })).toBe(
      0,
    );
  });

  it('is for admins only', async () => {
    const clerk = await logIn(app.getHttpServer(), 'clerk');
    expect((await clerk.get(PAGE)).status).toBe(403);
    expect((await clerk.get(PROGRESS)).status).toBe(403);
    const token = csrfFrom((await clerk.get('/orders')).text);
    const res = await clerk
      .post('/admin/regions/reclassify')
      .type('form')
      .send({ _csrf: token, mode: 'apply' });
    expect(res.status).toBe(403);
    expect(await prisma.auditLog.count({ where: { action: 'REGION_RECLASSIFIED' } })).toBe(0);
  });
});
