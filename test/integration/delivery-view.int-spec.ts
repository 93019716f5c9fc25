import type { NestExpressApplication } from '@nestjs/platform-express';
import type { RawOrderRow } from '../../src/channels/import-fields';
import { PrismaService } from '../../src/database/prisma.service';
import { RunsService } from '../../src/delivery-bundling/runs.service';
import type { ItemStatus } from '../../src/generated/prisma/enums';
import { OrderClaimsService } from '../../src/orders/order-claims.service';
import { OrderStatusService } from '../../src/orders/order-status.service';
import { createStaff } from '../support/factories';
import { intakeRows, orderRows } from '../support/intake-rows';
import { Agent, csrfFrom, logIn, shown } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';

const DISTRICT = '/delivery?date=2026-12-01&sido=서울특별시&sigungu=강남구';

describe('the delivery view', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let staff: Awaited<ReturnType<typeof createStaff>>;
  let driver: Agent;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(async () => {
    await resetState(app);
    staff = await createStaff(app);
    driver = await logIn(app.getHttpServer(), 'driver');
  });
  afterAll(() => app.close());

  const intake = (rows: RawOrderRow[]) => intakeRows(app, rows);

  const row = orderRows({
    addressDetail: '101동 1203호',
    quantity: '2',
    memo: '오후에 연락 주세요',
  });

  // The driver sees his run only: the clerk puts every stop due that day on it.
  async function planForDriver(date = '2026-12-01') {
    const runs = app.get(RunsService);
    const runDate = new Date(`${date}T00:00:00Z`);
    const run =
      (await prisma.deliveryRun.findFirst({ where: { runDate, driverId: staff.driver.id } })) ??
      (await runs.create({ date, driverId: staff.driver.id }));
    const due = await prisma.deliveryBundle.findMany({
      where: { scheduledDate: runDate, runId: null },
      orderBy: { id: 'asc' },
    });
    await runs.addStops(
      run.id,
      due.map((b) => b.id),
    );
  }

  const item = (externalItemNo: string) =>
    prisma.orderItem.findFirstOrThrow({ where: { externalItemNo } });

  async function moveTo(externalItemNo: string, path: ItemStatus[]) {
    for (const to of path) {
      const current = await item(externalItemNo);
      await app.get(OrderStatusService).change({
        orderId: current.orderId,
        itemId: current.id,
        to,
        version: current.version,
        actorId: staff.clerk.id,
      });
    }
  }

  async function tap(agent: Agent, bundleId: number, action: string, form: object) {
    const token = csrfFrom((await agent.get(DISTRICT)).text);
    return agent
      .post(`/delivery/bundles/${bundleId}/${action}`)
      .type('form')
      .send({ _csrf: token, ...form });
  }

  it('shows a driver his day grouped by 시/도 and 시/군/구 with counts, and the district cards', async () => {
    await intake([
      row({ externalItemNo: 'S1' }),
      row({
        externalItemNo: 'S2',
        productName: '프레임 F2',
        optionText: '킹 / 월넛',
        quantity: '1',
      }),
      row({
        recipientName: '이서연',
        recipientPhone: '010-2222-3333',
        address: '서울특별시 강남구 역삼로 1',
      }),
      row({
        recipientName: '박지훈',
        postalCode: '43100',
        address: '대구광역시 군위군 군위읍 중앙길 1',
      }),
      row({ recipientName: '다른 날', requestedDate: '2026-12-02' }),
    ]);
    await planForDriver();
    await planForDriver('2026-12-02');
    const day = shown((await driver.get('/delivery?date=2026-12-01')).text);
    expect(day).toContain('2026-12-01 배송 <strong>3</strong>곳');
    expect(day).toMatch(/서울특별시<\/span><span class="badge text-bg-secondary">2</);
    expect(day).toMatch(/강남구<\/span><span class="badge text-bg-primary rounded-pill">2</);
    expect(day).toMatch(/군위군<\/span><span class="badge text-bg-primary rounded-pill">1</);

    const res = await driver.get(DISTRICT);
    expect(res.status).toBe(200);
    const page = shown(res.text);
    expect(page.match(/data-testid="bundle"/g)).toHaveLength(2);
    for (const text of [
      '김민준',
      'href="tel:01012345678"',
      '(06236) 서울특별시 강남구 테헤란로 152 101동 1203호',
      '배송희망일 2026-12-01',
      '메모: 오후에 연락 주세요',
      '모션베드 M1',
      '/ 퀸 / 그레이',
      '× 2',
      '프레임 F2',
    ])
      expect(page).toContain(text);
  });

  it('lets a clerk and an admin open the view too, with 배송 in their menu', async () => {
    for (const username of ['clerk', 'admin']) {
      const res = await (await logIn(app.getHttpServer(), username)).get('/delivery');
      expect(res.status).toBe(200);
      expect(res.text).toContain('href="/delivery"');
    }
  });

  it('marks a stop delivered: its items follow through the status machine, and a second tap changes nothing', async () => {
    await intake([
      row({ externalItemNo: 'S1' }),
      row({ externalItemNo: 'S2' }),
      row({ externalItemNo: 'S3' }),
    ]);
    await moveTo('S1', ['CONFIRMED', 'PREPARING']);
    await moveTo('S2', ['CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY']);
    await planForDriver();
    const bundle = await prisma.deliveryBundle.findFirstOrThrow();
    const first = await tap(driver, bundle.id, 'delivered', { status: 'OPEN' });
    expect(first.status).toBe(302);
    expect(decodeURIComponent(first.headers.location)).toBe(DISTRICT);
    const again = await tap(driver, bundle.id, 'delivered', { status: 'OPEN' });
    expect(again.status).toBe(302);
    expect(shown((await driver.get(DISTRICT)).text)).toContain('이미 배송완료된 묶음입니다.');
    const items = await prisma.orderItem.findMany({ orderBy: { id: 'asc' } });
    expect(items.map((i) => i.status)).toEqual(['DELIVERED', 'DELIVERED', 'NEW']);
    expect(
      await prisma.deliveryBundle.findUniqueOrThrow({ where: { id: bundle.id } }),
    ).toMatchObject({
      status: 'DELIVERED',
    });
    const events = await prisma.orderEvent.findMany({
      where: { type: 'STATUS', actorId: staff.driver.id },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => `${e.fromValue}>${e.toValue}`)).toEqual([
      'PREPARING>OUT_FOR_DELIVERY',
      'OUT_FOR_DELIVERY>DELIVERED',
      'OUT_FOR_DELIVERY>DELIVERED',
    ]);
  });

  it('records a failed stop with its reason, keeps the items, and asks for the reason when missing', async () => {
    await intake([row({ externalItemNo: 'S1' })]);
    await moveTo('S1', ['CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY']);
    await planForDriver();
    const bundle = await prisma.deliveryBundle.findFirstOrThrow();
    const missing = await tap(driver, bundle.id, 'failed', { status: 'OPEN', reason: ' ' });
    expect(missing.status).toBe(422);
    expect(shown(missing.text)).toContain('실패 사유를 입력하세요.');
    const res = await tap(driver, bundle.id, 'failed', { status: 'OPEN', reason: '부재중' });
    expect(res.status).toBe(302);
    expect(
      await prisma.deliveryBundle.findUniqueOrThrow({ where: { id: bundle.id } }),
    ).toMatchObject({
      status: 'FAILED',
      failedReason: '부재중',
    });
    expect((await item('S1')).status).toBe('OUT_FOR_DELIVERY');
    expect(
      await prisma.orderEvent.count({ where: { type: 'MEMO', toValue: '배송 실패: 부재중' } }),
    ).toBe(1);
    const again = await tap(driver, bundle.id, 'failed', { status: 'OPEN', reason: '부재중' });
    expect(again.status).toBe(302);
    // Delivered on a page that still showed the stop as open: refused, nothing changes.
    const stale = await tap(driver, bundle.id, 'delivered', { status: 'OPEN' });
    expect(stale.status).toBe(409);
    expect(shown(stale.text)).toContain('다른 사용자가 먼저 변경했습니다.');
    expect((await item('S1')).status).toBe('OUT_FOR_DELIVERY');
  });

  it('shows a return pickup as 회수 on the next stop, flagged as coming after the delivered one', async () => {
    await intake([row({ externalItemNo: 'S1' }), row({ externalItemNo: 'S2' })]);
    await moveTo('S1', ['CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY']);
    await moveTo('S2', ['CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY']);
    await planForDriver();
    const delivered = await prisma.deliveryBundle.findFirstOrThrow();
    await tap(driver, delivered.id, 'delivered', { status: 'OPEN' });
    const returned = await item('S1');
    await app.get(OrderClaimsService).open({
      orderId: returned.orderId,
      itemId: returned.id,
      kind: 'RETURN',
      reason: '단순 변심',
      version: returned.version,
      actorId: staff.clerk.id,
    });
    const [, pickup] = await prisma.deliveryBundle.findMany({
      orderBy: { id: 'asc' },
      include: { items: true },
    });
    expect(pickup.items.map((i) => i.externalItemNo)).toEqual(['S1']);
    await planForDriver();
    const page = shown((await driver.get(DISTRICT)).text);
    const card = page.slice(page.indexOf(`id="bundle-${pickup.id}"`));
    expect(card).toContain('회수 1건');
    expect(card).toContain('반품 회수');
    expect(card).toContain('이전 묶음 출고 후 추가된 주문');
  });

  it('answers a day that does not exist with a Korean message rather than an empty list', async () => {
    const res = await driver.get('/delivery?date=2026-13-45');
    expect(res.status).toBe(400);
    expect(res.text).toContain('없는 날짜입니다. 날짜를 다시 고르세요.');
  });
});
