import type { NestExpressApplication } from '@nestjs/platform-express';
import { PrismaService } from '../../src/database/prisma.service';
import { createStaff } from '../support/factories';
import { Agent, csrfFrom, logIn, shown } from '../support/http';
import { createOrderWithItems } from '../support/order-detail-fixture';
import { createTestApp, resetState } from '../support/test-app';

const STALE = '다른 사용자가 먼저 변경했습니다. 새로고침 후 다시 확인하세요.';

// The table row of one item, to check what is shown beside it.
const rowOf = (html: string, itemId: number) => {
  const start = html.indexOf(`id="item-${itemId}"`);
  return html.slice(start, html.indexOf('</tr>', start));
};

describe('the order detail page', () => {
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

  async function post(agent: Agent, orderId: number, path: string, form: Record<string, unknown>) {
    const token = csrfFrom((await agent.get(`/orders/${orderId}`)).text);
    return agent
      .post(`/orders/${orderId}${path}`)
      .type('form')
      .send({ _csrf: token, ...form });
  }

  const recipientForm = {
    recipientName: '김민준',
    recipientPhone: '010-1234-5678',
    postalCode: '06236',
    address: '서울특별시 강남구 테헤란로 152',
    addressDetail: '101동 1203호',
    requestedDate: '2026-11-28',
    memo: '문 앞에 두지 마세요',
    version: '0',
  };

  it('shows the header, every item with its names, amounts, status, claim, bundle, region and courier, and the history', async () => {
    const { order, items } = await createOrderWithItems(app, {
      items: [
        { productName: '모션베드 M1', courier: 'CJ대한통운', trackingNo: '612345678901' },
        { productName: '단종 매트리스', productDeleted: true, status: 'DELIVERED' },
        { productName: '프레임 F2', optionName: '킹 / 월넛', optionDeleted: true },
        { productName: '베개 P1', quantity: 2, unitPrice: 45000, addOnOf: 0 },
      ],
    });
    const res = await clerk.get(`/orders/${order.id}`);
    expect(res.status).toBe(200);
    const page = shown(res.text);
    for (const text of [
      '네이버 스마트스토어',
      order.externalOrderNo,
      '2026-11-24 00:30',
      '김민준 · 010-1234-5678',
      '(06236) 서울특별시 강남구 테헤란로 152 101동 1203호',
      '2026-11-28',
      '문 앞에 두지 마세요',
      '2,760,000원',
    ])
      expect(page).toContain(text);
    expect(rowOf(page, items[0].id)).toContain('모션베드 M1');
    expect(rowOf(page, items[0].id)).not.toContain('(삭제됨)');
    expect(rowOf(page, items[0].id)).toContain('CJ대한통운 612345678901');
    expect(rowOf(page, items[0].id)).toContain('서울특별시 강남구');
    expect(rowOf(page, items[0].id)).toContain(`추가 <a href="#item-${items[3].id}">`);
    expect(rowOf(page, items[1].id)).toContain('단종 매트리스 (삭제됨)');
    expect(rowOf(page, items[1].id)).toContain('배송완료');
    expect(rowOf(page, items[2].id)).toContain('킹 / 월넛 (삭제됨)');
    expect(rowOf(page, items[2].id)).not.toContain('프레임 F2 (삭제됨)');
    const addOn = rowOf(page, items[3].id);
    expect(addOn).toContain('추가주문');
    expect(addOn).toContain(
      `원 항목 <a href="#item-${items[0].id}">${items[0].externalItemNo}</a>`,
    );
    expect(addOn).toContain('90,000원');
    expect(page).toContain(items[0].bundleKey!);
    expect(page).toMatch(/<td class="small">시스템<\/td>\s*<td class="small">주문 등록/);
    expect(page).toContain('엑셀');
  });

  it('answers 404 for an order that does not exist', async () => {
    expect((await clerk.get('/orders/999999')).status).toBe(404);
  });

  it('is closed to the delivery team, for reading and for every change', async () => {
    const { order, items } = await createOrderWithItems(app);
    const driver = await logIn(app.getHttpServer(), 'driver');
    expect((await driver.get(`/orders/${order.id}`)).status).toBe(403);
    const token = csrfFrom((await driver.get('/')).text);
    const posts: Array<[string, Record<string, unknown>]> = [
      [`/orders/${order.id}/items/${items[0].id}/status`, { to: 'CONFIRMED', version: '0' }],
      [`/orders/${order.id}/recipient`, recipientForm],
      ['/orders/bulk-status', { itemIds: [String(items[0].id)], to: 'CONFIRMED' }],
    ];
    for (const [path, form] of posts) {
      const res = await driver
        .post(path)
        .type('form')
        .send({ _csrf: token, ...form });
      expect(res.status).toBe(403);
    }
    expect((await prisma.orderItem.findUniqueOrThrow({ where: { id: items[0].id } })).status).toBe(
      'NEW',
    );
  });

  it('refuses every change that comes without the CSRF token', async () => {
    const { order, items } = await createOrderWithItems(app);
    const posts: Array<[string, Record<string, unknown>]> = [
      [`/orders/${order.id}/items/${items[0].id}/status`, { to: 'CONFIRMED', version: '0' }],
      [
        `/orders/${order.id}/items/${items[0].id}/claim`,
        { kind: 'CANCEL', reason: 'x', version: '0' },
      ],
      [`/orders/${order.id}/add-ons`, { amendsItemId: String(items[0].id), productName: 'x' }],
      [`/orders/${order.id}/recipient`, recipientForm],
      [`/orders/${order.id}/do-not-combine`, { doNotCombine: 'true', version: '0' }],
      ['/orders/bulk-status', { itemIds: [String(items[0].id)], to: 'CONFIRMED' }],
    ];
    for (const [path, form] of posts) {
      const res = await clerk.post(path).type('form').send(form);
      expect(res.status).toBe(403);
      expect(res.text).toContain('보안 토큰이 없거나 만료되었습니다.');
    }
    expect(await prisma.orderEvent.count({ where: { source: 'USER' } })).toBe(0);
  });

  describe('editing the recipient', () => {
    it('re-derives every item’s region and bundle key from the new address, and records the changes', async () => {
      const { order, items } = await createOrderWithItems(app, {
        items: [{}, { bundleNo: '2026112400012345' }],
      });
      const res = await post(clerk, order.id, '/recipient', {
        ...recipientForm,
        postalCode: '43100',
        address: '대구광역시 군위군 군위읍 군청로 1',
        addressDetail: '',
      });
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe(`/orders/${order.id}`);
      const [own, channelBundled] = await prisma.orderItem.findMany({
        where: { orderId: order.id },
        orderBy: { id: 'asc' },
      });
      expect(own).toMatchObject({ regionSido: '대구광역시', regionSigungu: '군위군' });
      expect(channelBundled).toMatchObject({ regionSido: '대구광역시', regionSigungu: '군위군' });
      expect(own.bundleKey).not.toBe(items[0].bundleKey);
      expect(own.bundleKey).toContain('대구광역시군위군군위읍군청로1');
      expect(channelBundled.bundleKey).toBe(items[1].bundleKey);
      expect(own.version).toBe(0);
      const saved = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
      expect(saved).toMatchObject({ postalCode: '43100', addressDetail: null, version: 1 });
      const events = await prisma.orderEvent.findMany({
        where: { orderId: order.id, source: 'USER' },
        orderBy: { id: 'asc' },
      });
      expect(events.map((e) => [e.type, e.fromValue, e.toValue, e.actorId])).toEqual([
        ['ADDRESS', '06236', '43100', staff.clerk.id],
        [
          'ADDRESS',
          '서울특별시 강남구 테헤란로 152',
          '대구광역시 군위군 군위읍 군청로 1',
          staff.clerk.id,
        ],
        ['ADDRESS', '101동 1203호', null, staff.clerk.id],
      ]);
      const page = shown((await clerk.get(`/orders/${order.id}`)).text);
      expect(page).toContain('수령인·배송 정보를 수정했습니다.');
      expect(page).toContain('배송지 변경 · 우편번호');
      expect(rowOf(page, own.id)).toContain('대구광역시 군위군');
    });

    it('records a new recipient name and phone as recipient changes', async () => {
      const { order } = await createOrderWithItems(app);
      await post(clerk, order.id, '/recipient', {
        ...recipientForm,
        recipientName: '이서연',
        recipientPhone: '01098765432',
      });
      // Stored in the same form intake writes, hyphens and all.
      const events = await prisma.orderEvent.findMany({ where: { type: 'RECIPIENT' } });
      expect(events.map((e) => [e.fromValue, e.toValue])).toEqual([
        ['김민준', '이서연'],
        ['010-1234-5678', '010-9876-5432'],
      ]);
    });

    it('shows Korean errors beside the fields and keeps what was typed (422)', async () => {
      const { order } = await createOrderWithItems(app);
      const res = await post(clerk, order.id, '/recipient', {
        ...recipientForm,
        recipientName: '',
        recipientPhone: '공일공',
        postalCode: '4310',
        address: '대구광역시 군위군 새주소',
      });
      expect(res.status).toBe(422);
      expect(res.text).toContain('수령인을 1~100자로 입력하세요.');
      expect(res.text).toContain('연락처를 010-1234-5678 형식으로 입력하세요.');
      expect(res.text).toContain('우편번호는 5자리 숫자로 입력하세요.');
      expect(res.text).toContain('value="공일공"');
      expect(res.text).toContain('value="대구광역시 군위군 새주소"');
      expect(res.text).toMatch(/<details open>\s*<summary class="h6">수령인·배송 정보 수정/);
      const saved = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
      expect(saved).toMatchObject({ recipientName: '김민준', version: 0 });
    });

    it('refuses an edit made on a page someone else has since changed (409)', async () => {
      const { order } = await createOrderWithItems(app);
      await post(clerk, order.id, '/recipient', { ...recipientForm, memo: '경비실' });
      const res = await post(clerk, order.id, '/recipient', {
        ...recipientForm,
        recipientName: '박지훈',
      });
      expect(res.status).toBe(409);
      expect(res.text).toContain(STALE);
      const saved = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
      expect(saved).toMatchObject({ recipientName: '김민준', memo: '경비실', version: 1 });
    });

    it('writes nothing when the form comes back unchanged', async () => {
      const { order } = await createOrderWithItems(app);
      const res = await post(clerk, order.id, '/recipient', recipientForm);
      expect(res.status).toBe(302);
      expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).version).toBe(0);
      expect(shown((await clerk.get(`/orders/${order.id}`)).text)).toContain(
        '바뀐 내용이 없습니다.',
      );
    });

    it('keeps a do-not-combine order on a delivery stop of its own, even over the channel’s bundle number', async () => {
      const { order, items } = await createOrderWithItems(app, {
        items: [{}, { bundleNo: '2026112400012345' }],
      });
      const res = await post(clerk, order.id, '/do-not-combine', {
        doNotCombine: 'true',
        version: '0',
      });
      expect(res.status).toBe(302);
      const keys = await prisma.orderItem.findMany({
        where: { orderId: order.id },
        select: { bundleKey: true },
      });
      expect(keys.map((k) => k.bundleKey)).toEqual([
        `${order.channelId}:order:${order.id}`,
        `${order.channelId}:order:${order.id}`,
      ]);
      const back = await post(clerk, order.id, '/do-not-combine', {
        doNotCombine: 'false',
        version: '1',
      });
      expect(back.status).toBe(302);
      const restored = await prisma.orderItem.findMany({
        where: { orderId: order.id },
        orderBy: { id: 'asc' },
      });
      expect(restored.map((i) => i.bundleKey)).toEqual(items.map((i) => i.bundleKey));
      const events = await prisma.orderEvent.findMany({ where: { source: 'USER' } });
      expect(events.map((e) => [e.fromValue, e.toValue])).toEqual([
        ['묶음 허용', '따로 배송'],
        ['따로 배송', '묶음 허용'],
      ]);
    });
  });

  describe('claims by hand', () => {
    it('opens a cancel with its reason through the status machine, with history', async () => {
      const { order, items } = await createOrderWithItems(app);
      const res = await post(clerk, order.id, `/items/${items[0].id}/claim`, {
        kind: 'CANCEL',
        reason: '고객 변심',
        version: '0',
      });
      expect(res.status).toBe(302);
      expect(
        await prisma.orderItem.findUniqueOrThrow({ where: { id: items[0].id } }),
      ).toMatchObject({
        status: 'CANCEL_REQUESTED',
        claimType: 'CANCEL',
        claimReason: '고객 변심',
        version: 1,
      });
      const events = await prisma.orderEvent.findMany({
        where: { itemId: items[0].id },
        orderBy: { id: 'asc' },
      });
      expect(events.map((e) => [e.type, e.fromValue, e.toValue, e.actorId])).toEqual([
        ['STATUS', 'NEW', 'CANCEL_REQUESTED', staff.clerk.id],
        ['CLAIM', null, 'CANCEL', staff.clerk.id],
      ]);
      const page = shown((await clerk.get(`/orders/${order.id}`)).text);
      expect(page).toContain(`${items[0].externalItemNo}: 취소 접수되었습니다.`);
      expect(rowOf(page, items[0].id)).toContain('취소요청');
      expect(page).toContain('사유: 고객 변심');
    });

    it('takes a return or an exchange of a delivered item', async () => {
      const { order, items } = await createOrderWithItems(app, {
        items: [{ status: 'DELIVERED' }, { status: 'DELIVERED' }],
      });
      await post(clerk, order.id, `/items/${items[0].id}/claim`, {
        kind: 'RETURN',
        reason: '파손',
        version: '0',
      });
      await post(clerk, order.id, `/items/${items[1].id}/claim`, {
        kind: 'EXCHANGE',
        reason: '색상 교환',
        version: '0',
      });
      const saved = await prisma.orderItem.findMany({
        where: { orderId: order.id },
        orderBy: { id: 'asc' },
      });
      expect(saved.map((i) => [i.status, i.claimType, i.claimReason])).toEqual([
        ['RETURN_REQUESTED', 'RETURN', '파손'],
        ['EXCHANGE_REQUESTED', 'EXCHANGE', '색상 교환'],
      ]);
      expect(await prisma.orderEvent.count({ where: { type: 'CLAIM' } })).toBe(2);
    });

    it('refuses a cancel after delivery and a claim without a reason, in Korean', async () => {
      const { order, items } = await createOrderWithItems(app, {
        items: [{ status: 'DELIVERED' }],
      });
      const late = await post(clerk, order.id, `/items/${items[0].id}/claim`, {
        kind: 'CANCEL',
        reason: '변심',
        version: '0',
      });
      expect(late.status).toBe(422);
      expect(shown(late.text)).toContain("'배송완료'에서 '취소요청'(으)로 바꿀 수 없습니다.");
      const blank = await post(clerk, order.id, `/items/${items[0].id}/claim`, {
        kind: 'RETURN',
        reason: ' ',
        version: '0',
      });
      expect(blank.status).toBe(422);
      expect(rowOf(blank.text, items[0].id)).toContain('사유를 1~300자로 입력하세요.');
      expect(
        (await prisma.orderItem.findUniqueOrThrow({ where: { id: items[0].id } })).status,
      ).toBe('DELIVERED');
    });

    it('adds an add-on item linked to the item it amends, numbered per order, with history', async () => {
      const { order, items } = await createOrderWithItems(app, {
        items: [{ bundleNo: '2026112400012345' }],
      });
      const res = await post(clerk, order.id, '/add-ons', {
        amendsItemId: String(items[0].id),
        productName: '경추 베개',
        optionName: '화이트',
        quantity: '2',
        unitPrice: '45,000',
        note: '설치 기사 방문 때 함께',
      });
      expect(res.status).toBe(302);
      await post(clerk, order.id, '/add-ons', {
        amendsItemId: String(items[0].id),
        productName: '매트리스 커버',
        quantity: '1',
        unitPrice: '30000',
      });
      const addOns = await prisma.orderItem.findMany({
        where: { amendsItemId: items[0].id },
        orderBy: { id: 'asc' },
      });
      expect(addOns.map((i) => i.externalItemNo)).toEqual([
        `${order.externalOrderNo}-A1`,
        `${order.externalOrderNo}-A2`,
      ]);
      expect(addOns[0]).toMatchObject({
        orderId: order.id,
        claimType: 'ADD_ON',
        claimReason: '설치 기사 방문 때 함께',
        productName: '경추 베개',
        optionName: '화이트',
        quantity: 2,
        unitPrice: 45000,
        amount: 90000,
        status: 'NEW',
        bundleKey: items[0].bundleKey,
        regionSido: '서울특별시',
      });
      const saved = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
      expect(saved.totalAmount).toBe(order.totalAmount + 90000 + 30000);
      const events = await prisma.orderEvent.findMany({ where: { type: 'CLAIM' } });
      expect(events.map((e) => [e.itemId, e.toValue, e.actorId])).toEqual([
        [addOns[0].id, 'ADD_ON', staff.clerk.id],
        [addOns[1].id, 'ADD_ON', staff.clerk.id],
      ]);
      const page = shown((await clerk.get(`/orders/${order.id}`)).text);
      expect(rowOf(page, addOns[0].id)).toContain(
        `원 항목 <a href="#item-${items[0].id}">${items[0].externalItemNo}</a>`,
      );
      expect(page).toContain(`원 항목 ${items[0].externalItemNo}`);
    });

    it('keeps the add-on input and explains in Korean what is wrong (422)', async () => {
      const { order, items } = await createOrderWithItems(app);
      const res = await post(clerk, order.id, '/add-ons', {
        amendsItemId: String(items[0].id),
        productName: '경추 베개',
        quantity: '0',
        unitPrice: '사만원',
      });
      expect(res.status).toBe(422);
      expect(res.text).toContain('수량은 1~999 사이의 정수로 입력하세요.');
      expect(res.text).toContain('단가는 0원~1억 원 사이의 정수로 입력하세요.');
      expect(res.text).toContain('value="경추 베개"');
      expect(await prisma.orderItem.count()).toBe(1);
    });

    it('refuses to link an add-on to an item of another order', async () => {
      const { order } = await createOrderWithItems(app);
      const other = await createOrderWithItems(app);
      const res = await post(clerk, order.id, '/add-ons', {
        amendsItemId: String(other.items[0].id),
        productName: '경추 베개',
        quantity: '1',
        unitPrice: '45000',
      });
      expect(res.status).toBe(422);
      expect(res.text).toContain('이 주문의 항목을 선택하세요.');
    });
  });
});
