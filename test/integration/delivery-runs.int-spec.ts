import ExcelJS from 'exceljs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { RawOrderRow } from '../../src/channels/import-fields';
import { PrismaService } from '../../src/database/prisma.service';
import { RunsService } from '../../src/delivery-bundling/runs.service';
import { Role, type ItemStatus } from '../../src/generated/prisma/enums';
import { OrderClaimsService } from '../../src/orders/order-claims.service';
import { OrderStatusService } from '../../src/orders/order-status.service';
import { seedDemo } from '../../src/seed/demo-seed';
import { seedDemoRun } from '../../src/seed/seed-demo-run';
import { formatDate } from '../../src/shared/views/formatting';
import { PasswordHasher } from '../../src/users/password-hasher';
import { createStaff, createUser } from '../support/factories';
import { Agent, csrfFrom, logIn, shown } from '../support/http';
import { intakeRows, orderRows } from '../support/intake-rows';
import { createTestApp, resetState } from '../support/test-app';

const DATE = '2026-12-01';

// The names in the order a page lists them under one test id.
const namesIn = (html: string, testId: string) =>
  [...html.matchAll(new RegExp(`data-testid="${testId}">([^<]+)<`, 'g'))].map((m) => m[1]);

describe('delivery runs', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let runs: RunsService;
  let staff: Awaited<ReturnType<typeof createStaff>>;
  let clerk: Agent;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
    runs = app.get(RunsService);
  });
  beforeEach(async () => {
    await resetState(app);
    staff = await createStaff(app);
    clerk = await logIn(app.getHttpServer(), 'clerk');
    await theDay();
  });
  afterAll(() => app.close());

  const intake = (rows: RawOrderRow[]) => intakeRows(app, rows);

  const row = orderRows({ addressDetail: '101동 1203호', requestedDate: DATE });

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

  // Five stops due on DATE in three districts, one more the day after. 한지민's stop has an
  // item to deliver and a return to collect.
  async function theDay() {
    await intake([
      row({ externalItemNo: 'A1', quantity: '2', memo: '오후에 연락 주세요' }),
      row({
        externalItemNo: 'A2',
        productName: '프레임 F2',
        optionText: '킹 / 월넛',
        memo: '오후에 연락 주세요',
      }),
      row({
        externalItemNo: 'B1',
        recipientName: '이서연',
        recipientPhone: '010-2222-3333',
        postalCode: '06611',
        address: '서울특별시 서초구 서초대로 1',
      }),
      row({
        externalItemNo: 'C1',
        recipientName: '박지훈',
        recipientPhone: '010-4444-5555',
        address: '서울특별시 강남구 역삼로 1',
        memo: '=1+1 경비실에 맡겨 주세요',
      }),
      row({
        externalItemNo: 'D1',
        recipientName: '최유나',
        recipientPhone: '010-6666-7777',
        postalCode: '48058',
        address: '부산광역시 해운대구 해운대로 1',
      }),
      row({
        externalItemNo: 'E1',
        recipientName: '정다은',
        recipientPhone: '010-8888-9999',
        requestedDate: '2026-12-02',
      }),
      row({
        externalItemNo: 'F1',
        recipientName: '한지민',
        recipientPhone: '010-1111-2222',
        address: '서울특별시 강남구 봉은사로 1',
        productName: '라텍스 베개',
        optionText: '높이: 높음',
      }),
      row({
        externalItemNo: 'F2',
        recipientName: '한지민',
        recipientPhone: '010-1111-2222',
        address: '서울특별시 강남구 봉은사로 1',
        productName: '토퍼 T1',
        optionText: undefined,
      }),
    ]);
    for (const no of ['A1', 'A2', 'B1', 'C1', 'D1', 'F2'])
      await moveTo(no, ['CONFIRMED', 'PREPARING']);
    await moveTo('F1', ['CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY', 'DELIVERED']);
    const returned = await item('F1');
    await app.get(OrderClaimsService).open({
      orderId: returned.orderId,
      itemId: returned.id,
      kind: 'RETURN',
      reason: '단순 변심',
      version: returned.version,
      actorId: staff.clerk.id,
    });
  }

  const stopOf = (recipientName: string) =>
    prisma.deliveryBundle.findFirstOrThrow({
      where: { recipientName, scheduledDate: { not: null } },
      orderBy: { id: 'desc' },
    });

  async function planned(driverId: number, names: string[], name?: string) {
    const run = await runs.create({ date: DATE, driverId, name });
    const ids = [];
    for (const n of names) ids.push((await stopOf(n)).id);
    await runs.addStops(run.id, ids);
    return run;
  }

  async function post(agent: Agent, page: string, action: string, form: object = {}) {
    const token = csrfFrom((await agent.get(encodeURI(page))).text);
    return agent
      .post(encodeURI(action))
      .type('form')
      .send({ _csrf: token, ...form });
  }

  it("plans a driver's run from the day's bundles of a chosen district and lists it by date", async () => {
    const form = await clerk.get(`/delivery/runs/new?date=${DATE}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('테스트 driver (driver)');
    const created = await post(clerk, '/delivery/runs/new', '/delivery/runs', {
      date: DATE,
      driverId: String(staff.driver.id),
      name: '1호차',
    });
    expect(created.status).toBe(302);
    const runPath = created.headers.location;
    expect(runPath).toMatch(/^\/delivery\/runs\/\d+$/);
    const list = shown((await clerk.get(`/delivery/runs?date=${DATE}`)).text);
    expect(list).toContain('1호차');
    expect(list).toContain('테스트 driver');

    const gangnam = `${runPath}?sido=서울특별시&sigungu=강남구`;
    const offered = shown((await clerk.get(encodeURI(gangnam))).text);
    expect(offered.match(/data-testid="candidate"/g)).toHaveLength(3);
    for (const name of ['김민준', '박지훈', '한지민']) expect(offered).toContain(name);
    for (const name of ['이서연', '최유나', '정다은']) expect(offered).not.toContain(name);

    const nothing = await post(clerk, gangnam, gangnam.replace('?', '/stops?'));
    expect(nothing.status).toBe(422);
    expect(nothing.text).toContain('추가할 묶음을 고르세요.');

    const minjun = await stopOf('김민준');
    const jihun = await stopOf('박지훈');
    const added = await post(clerk, gangnam, `${gangnam}`.replace('?', '/stops?'), {
      bundleIds: [String(jihun.id), String(minjun.id)],
    });
    expect(added.status).toBe(302);
    expect(decodeURIComponent(added.headers.location)).toBe(gangnam);
    const page = shown((await clerk.get(encodeURI(gangnam))).text);
    expect(page).toContain('2곳을 배송 계획에 추가했습니다.');
    expect(namesIn(page, 'stop-recipient')).toEqual(['박지훈', '김민준']);
    expect(page.match(/data-testid="candidate"/g)).toHaveLength(1);
  });

  it('keeps one run per driver and day, and a bundle on one run of the day', async () => {
    const first = await planned(staff.driver.id, ['김민준']);
    const again = await post(clerk, '/delivery/runs/new', '/delivery/runs', {
      date: DATE,
      driverId: String(staff.driver.id),
    });
    expect(again.status).toBe(422);
    expect(shown(again.text)).toContain(
      `테스트 driver 기사는 ${DATE}에 이미 배송 계획이 있습니다.`,
    );
    const notDriver = await post(clerk, '/delivery/runs/new', '/delivery/runs', {
      date: DATE,
      driverId: String(staff.clerk.id),
    });
    expect(notDriver.status).toBe(422);
    expect(notDriver.text).toContain('배송팀 기사를 고르세요.');

    const driver2 = await createUser(app, { username: 'driver2', role: Role.DELIVERY });
    const second = await planned(driver2.id, ['이서연']);
    const page = `/delivery/runs/${second.id}?sido=서울특별시&sigungu=강남구`;
    expect(shown((await clerk.get(encodeURI(page))).text)).not.toContain('김민준');
    const minjun = await stopOf('김민준');
    const taken = await post(clerk, page, page.replace('?', '/stops?'), {
      bundleIds: String(minjun.id),
    });
    expect(taken.status).toBe(409);
    expect(shown(taken.text)).toContain('다른 배송 계획에 들어갔거나');
    expect(
      await prisma.deliveryBundle.findUniqueOrThrow({ where: { id: minjun.id } }),
    ).toMatchObject({ runId: first.id, runSeq: 1 });
    expect(await prisma.deliveryBundle.count({ where: { runId: second.id } })).toBe(1);
  });

  it('orders the stops with up/down and a typed position, refusing a move from a stale page', async () => {
    const run = await planned(staff.driver.id, ['김민준', '박지훈', '이서연', '최유나']);
    const page = `/delivery/runs/${run.id}`;
    const order = async () => namesIn(shown((await clerk.get(page)).text), 'stop-recipient');
    const move = async (name: string, from: number, to: number) =>
      post(clerk, page, `${page}/stops/${(await stopOf(name)).id}/move`, {
        from: String(from),
        to: String(to),
      });

    expect((await move('박지훈', 2, 1)).status).toBe(302);
    expect(await order()).toEqual(['박지훈', '김민준', '이서연', '최유나']);
    await move('박지훈', 1, 2);
    expect(await order()).toEqual(['김민준', '박지훈', '이서연', '최유나']);
    await move('최유나', 4, 1);
    expect(await order()).toEqual(['최유나', '김민준', '박지훈', '이서연']);

    // The same ▲ sent again from the page that showed 최유나 fourth.
    const stale = await move('최유나', 4, 3);
    expect(stale.status).toBe(409);
    expect(shown(stale.text)).toContain('화면이 오래되었습니다.');
    expect(await order()).toEqual(['최유나', '김민준', '박지훈', '이서연']);

    const removed = await post(clerk, page, `${page}/stops/${(await stopOf('김민준')).id}/remove`);
    expect(removed.status).toBe(302);
    expect(await order()).toEqual(['최유나', '박지훈', '이서연']);
    const seqs = await prisma.deliveryBundle.findMany({
      where: { runId: run.id },
      orderBy: { runSeq: 'asc' },
      select: { runSeq: true },
    });
    expect(seqs.map((s) => s.runSeq)).toEqual([1, 2, 3]);
  });

  it('prints a run sheet in run order: contact, address, requested day, memo, items apart from pickups, a signature box', async () => {
    const run = await planned(staff.driver.id, ['한지민', '김민준', '이서연']);
    const res = await clerk.get(`/delivery/runs/${run.id}/sheet`);
    expect(res.status).toBe(200);
    const sheet = shown(res.text);
    expect(sheet).toContain('@media print');
    expect(sheet).toContain('size: A4');
    expect(sheet).toContain('수령 확인');
    const rows = sheet.split('data-testid="sheet-stop"').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => /<strong>([^<]+)<\/strong>/.exec(r)![1])).toEqual([
      '한지민',
      '김민준',
      '이서연',
    ]);
    const [jimin, minjun] = rows;
    expect(jimin).toMatch(/class="seq">1</);
    expect(jimin).toMatch(/data-testid="sheet-deliveries"><li>토퍼 T1 × 1</);
    expect(jimin).toContain('[반품 회수] 라텍스 베개 / 높이: 높음 × 1');
    for (const text of [
      '010-1234-5678',
      '(06236) 서울특별시 강남구 테헤란로 152 101동 1203호',
      DATE,
      '오후에 연락 주세요',
      '모션베드 M1 / 퀸 / 그레이 × 2',
      '프레임 F2 / 킹 / 월넛 × 1',
    ])
      expect(minjun).toContain(text);
    expect(minjun).not.toContain('sheet-pickups');
    expect(minjun).toContain('<td class="sign"></td>');
  });

  it('downloads the run as a workbook with one sheet per 시/군/구, formula-looking text kept as text', async () => {
    const run = await planned(staff.driver.id, ['김민준', '최유나', '박지훈', '한지민', '이서연']);
    const res = await clerk
      .get(`/delivery/runs/${run.id}/sheet.xlsx`)
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('배송운행표-20261201'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['강남구', '해운대구', '서초구']);
    const rowsOf = (name: string) => {
      const rows: unknown[][] = [];
      book.getWorksheet(name)!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return rows;
    };
    const gangnam = rowsOf('강남구');
    expect(gangnam[0].slice(0, 3)).toEqual(['순서', '수령인', '연락처']);
    expect(gangnam.slice(1).map((r) => [r[0], r[1], r[6], r[7], r[9]])).toEqual([
      [1, '김민준', '배송', '모션베드 M1', 2],
      [1, '김민준', '배송', '프레임 F2', 1],
      [3, '박지훈', '배송', '모션베드 M1', 1],
      [4, '한지민', '배송', '토퍼 T1', 1],
      [4, '한지민', '반품 회수', '라텍스 베개', 1],
    ]);
    expect(gangnam[3][11]).toBe("'=1+1 경비실에 맡겨 주세요");
    expect(
      rowsOf('해운대구')
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(['최유나']);
  });

  it('dispatches a run: open stops close, prepared items go out, pickups stay, and a second dispatch changes nothing', async () => {
    const run = await planned(staff.driver.id, ['김민준', '한지민']);
    const page = `/delivery/runs/${run.id}`;
    const goingOut = () =>
      prisma.orderEvent.count({ where: { type: 'STATUS', toValue: 'OUT_FOR_DELIVERY' } });
    const earlier = await goingOut();
    const before = new Date();
    const first = await post(clerk, page, `${page}/dispatch`);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe(page);
    expect(shown((await clerk.get(page)).text)).toContain(
      '출발했습니다. 2곳을 마감하고 3건을 배송출발로 바꿨습니다.',
    );
    const stops = await prisma.deliveryBundle.findMany({ where: { runId: run.id } });
    for (const stop of stops) {
      expect(stop.status).toBe('CLOSED');
      expect(stop.closedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
      expect(stop.lastActivityAt.getTime()).toBe(stop.closedAt!.getTime());
    }
    const statuses = async () =>
      Object.fromEntries(
        (await prisma.orderItem.findMany({ orderBy: { externalItemNo: 'asc' } })).map((i) => [
          i.externalItemNo,
          i.status,
        ]),
      );
    const after = await statuses();
    expect(after).toMatchObject({
      A1: 'OUT_FOR_DELIVERY',
      A2: 'OUT_FOR_DELIVERY',
      F2: 'OUT_FOR_DELIVERY',
      F1: 'RETURN_REQUESTED',
      C1: 'PREPARING',
    });
    expect(await goingOut()).toBe(earlier + 3);
    const dispatchedAt = (await prisma.deliveryRun.findUniqueOrThrow({ where: { id: run.id } }))
      .dispatchedAt;
    expect(dispatchedAt).not.toBeNull();

    const again = await post(clerk, page, `${page}/dispatch`);
    expect(again.status).toBe(302);
    expect(shown((await clerk.get(page)).text)).toContain('이미 출발한 배송입니다.');
    expect(await statuses()).toEqual(after);
    expect(await goingOut()).toBe(earlier + 3);
    expect(
      (await prisma.deliveryRun.findUniqueOrThrow({ where: { id: run.id } })).dispatchedAt,
    ).toEqual(dispatchedAt);

    const late = await post(clerk, page, `${page}/stops`, {
      bundleIds: String((await stopOf('박지훈')).id),
    });
    expect(late.status).toBe(422);
    expect(shown(late.text)).toContain('이미 출발한 배송 계획은 바꿀 수 없습니다.');
    expect((await stopOf('박지훈')).runId).toBeNull();
  });

  it('shows a driver only the stops of his own run, in run order, and lets him leave', async () => {
    const driver2 = await createUser(app, { username: 'driver2', role: Role.DELIVERY });
    const mine = await planned(staff.driver.id, ['박지훈', '최유나', '김민준']);
    await planned(driver2.id, ['이서연', '한지민']);
    const driver = await logIn(app.getHttpServer(), 'driver');

    const day = shown((await driver.get(`/delivery?date=${DATE}`)).text);
    expect(day).toContain(`${DATE} 배송 <strong>3</strong>곳`);
    const stopLines = day.split('data-testid="run-stop"').slice(1);
    expect(stopLines.map((l) => /<strong>([^<]+)<\/strong>/.exec(l)![1])).toEqual([
      '박지훈',
      '최유나',
      '김민준',
    ]);
    expect(day).not.toContain('서초구');
    expect(day).toMatch(/강남구<\/span><span class="badge text-bg-primary rounded-pill">2</);

    const district = shown(
      (await driver.get(encodeURI(`/delivery?date=${DATE}&sido=서울특별시&sigungu=강남구`))).text,
    );
    const cards = district.split('data-testid="bundle"').slice(1);
    expect(cards.map((c) => /stop-position">(\d+)<\/span>([^<]+)</.exec(c)!.slice(1))).toEqual([
      ['1', '박지훈'],
      ['3', '김민준'],
    ]);
    expect(district).not.toContain('한지민');

    const office = shown((await clerk.get(`/delivery?date=${DATE}`)).text);
    expect(office).toContain(`${DATE} 배송 <strong>5</strong>곳`);

    const other = await driver.get(`/delivery?date=2026-12-02`);
    expect(other.text).toContain('이 날짜에 배정된 배송 계획이 없습니다.');

    const left = await post(driver, `/delivery?date=${DATE}`, `/delivery/runs/${mine.id}/dispatch`);
    expect(left.status).toBe(302);
    expect(left.headers.location).toBe(`/delivery?date=${DATE}`);
    expect(shown((await driver.get(left.headers.location)).text)).toContain('출발했습니다.');
    expect((await item('C1')).status).toBe('OUT_FOR_DELIVERY');
    const byDriver = await prisma.orderEvent.count({
      where: { type: 'STATUS', toValue: 'OUT_FOR_DELIVERY', actorId: staff.driver.id },
    });
    expect(byDriver).toBe(4);
  });

  it("refuses a driver another driver's stop and run with a Korean page, changing nothing", async () => {
    const driver2 = await createUser(app, { username: 'driver2', role: Role.DELIVERY });
    await planned(staff.driver.id, ['김민준']);
    const theirs = await planned(driver2.id, ['박지훈']);
    const loose = await stopOf('최유나');
    const jihun = await stopOf('박지훈');
    const driver = await logIn(app.getHttpServer(), 'driver');
    const home = `/delivery?date=${DATE}`;

    for (const bundle of [jihun, loose]) {
      const res = await post(driver, home, `/delivery/bundles/${bundle.id}/delivered`, {
        status: 'OPEN',
      });
      expect(res.status).toBe(403);
      expect(shown(res.text)).toContain('내 배송 계획에 없는 묶음입니다.');
      expect(res.text).not.toContain('박지훈');
    }
    const failed = await post(driver, home, `/delivery/bundles/${jihun.id}/failed`, {
      status: 'OPEN',
      reason: '부재',
    });
    expect(failed.status).toBe(403);
    const dispatch = await post(driver, home, `/delivery/runs/${theirs.id}/dispatch`);
    expect(dispatch.status).toBe(404);
    expect(dispatch.text).toContain('요청한 페이지를 찾을 수 없습니다.');
    expect(
      await prisma.deliveryBundle.findUniqueOrThrow({ where: { id: jihun.id } }),
    ).toMatchObject({ status: 'OPEN', failedReason: null });
    expect((await item('C1')).status).toBe('PREPARING');
    expect(
      (await prisma.deliveryRun.findUniqueOrThrow({ where: { id: theirs.id } })).dispatchedAt,
    ).toBeNull();

    for (const path of [
      '/delivery/runs',
      `/delivery/runs/${theirs.id}`,
      `/delivery/runs/${theirs.id}/sheet`,
    ]) {
      expect((await driver.get(path)).status).toBe(403);
    }
  });

  it('seeds a run for the demo driver today with some of the stops due today, once', async () => {
    await resetState(app);
    await seedDemo(prisma, app.get(PasswordHasher), 'demo-pass-1234');
    const today = formatDate(new Date());
    await intake([
      row({ externalItemNo: 'T1', requestedDate: today }),
      row({ externalItemNo: 'T2', recipientName: '이서연', requestedDate: today }),
    ]);
    const deps = { prisma, runs };
    const seeded = await seedDemoRun(deps);
    expect(seeded).toMatchObject({ stops: 2 });
    expect(await seedDemoRun(deps)).toEqual(seeded);
    expect(await prisma.deliveryRun.count()).toBe(1);
    const driver = await logIn(app.getHttpServer(), 'driver', { password: 'demo-pass-1234' });
    const page = (await driver.get('/delivery')).text;
    expect(page.match(/data-testid="run-stop"/g)).toHaveLength(2);
  });
});
