import type { NestExpressApplication } from '@nestjs/platform-express';
import { ProductCommands } from '../../src/catalog/product-commands.service';
import { PrismaService } from '../../src/database/prisma.service';
import { DeliveryMethod } from '../../src/generated/prisma/enums';
import { IntakePipeline, OrderNoTakenError } from '../../src/orders/intake/intake.pipeline';
import { showroomHeaderOf } from '../../src/orders/showroom-order';
import { seedDemo } from '../../src/seed/demo-seed';
import { PasswordHasher } from '../../src/users/password-hasher';
import { Agent, csrfFrom, logIn, shown } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';

const PASSWORD = 'demo-pass-1234';
const ORDER_NO = /^S-\d{8}-\d{4}$/;

describe('the showroom order form', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let clerk: Agent;
  let mattress: { id: number; q: number; k: number };
  let pillow: { id: number; high: number };

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(async () => {
    await resetState(app);
    await seedDemo(prisma, app.get(PasswordHasher), PASSWORD);
    clerk = await logIn(app.getHttpServer(), 'clerk', { password: PASSWORD });
    const product = (code: string) =>
      prisma.product.findUniqueOrThrow({ where: { code }, include: { options: true } });
    const optionOf = (p: Awaited<ReturnType<typeof product>>, name: string) =>
      p.options.find((o) => o.name === name)!.id;
    const m = await product('MT-HYB-01');
    mattress = {
      id: m.id,
      q: optionOf(m, '사이즈: Q / 두께: 28cm'),
      k: optionOf(m, '사이즈: K / 두께: 28cm'),
    };
    const p = await product('PW-LTX-01');
    pillow = { id: p.id, high: optionOf(p, '높이: 높음') };
  });
  afterAll(() => app.close());

  const recipient = {
    recipientName: '김민준',
    recipientPhone: '010-1234-5678',
    postalCode: '43100',
    address: '대구광역시 군위군 군위읍 중앙길 1',
    addressDetail: '101호',
    memo: '오후에 연락 주세요',
  };

  async function openForm(agent: Agent = clerk) {
    const page = await agent.get('/orders/new');
    return {
      page,
      _csrf: csrfFrom(page.text),
      formId: /name="formId" value="([^"]+)"/.exec(page.text)![1],
    };
  }

  // Field names as the browser sends them (items[0][productId]); supertest would otherwise
  // serialise the item list without indices.
  function send(agent: Agent, { items, ...form }: Record<string, unknown>) {
    const fields: Record<string, unknown> = { ...form };
    for (const [index, item] of ((items ?? []) as Array<Record<string, string>>).entries()) {
      for (const [name, value] of Object.entries(item)) fields[`items[${index}][${name}]`] = value;
    }
    return agent.post('/orders/new').type('form').send(fields);
  }

  async function submit(fields: Record<string, unknown>, agent: Agent = clerk) {
    const { _csrf, formId } = await openForm(agent);
    return send(agent, { _csrf, formId, ...fields });
  }

  const twoItems = () => [
    { productId: String(mattress.id), optionId: String(mattress.q), quantity: '1', unitPrice: '' },
    {
      productId: String(pillow.id),
      optionId: String(pillow.high),
      quantity: '2',
      unitPrice: '70,000',
    },
  ];

  it('offers only active products, grouped by category, with their options and a one-time form id', async () => {
    await app.get(ProductCommands).setDeleted(mattress.id, true);
    const { page, formId } = await openForm();
    expect(page.status).toBe(200);
    const html = shown(page.text);
    expect(html).toContain('<optgroup label="베개·침구">');
    expect(html).toContain('라텍스 경추 베개 · 69,000원');
    expect(html).toContain('높이: 높음 (+5,000원)');
    expect(html).not.toContain('슬립웨이브 7존 하이브리드 매트리스');
    expect(html).toContain('name="items[0][productId]"');
    expect(html).toContain('<script src="/static/js/showroom-form.js" defer></script>');
    expect(html).toContain('href="/orders/new">매장 주문 등록</a>');
    expect(formId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('registers an order with the chosen items through the intake pipeline and opens it', async () => {
    // A namesake with the same option name: a text match could not tell the two apart.
    await app.get(ProductCommands).create({
      code: 'MT-HYB-01-B',
      name: '슬립웨이브 7존 하이브리드 매트리스',
      categoryId: (await prisma.product.findUniqueOrThrow({ where: { id: mattress.id } }))
        .categoryId,
      price: 10_000,
      deliveryMethod: DeliveryMethod.OWN_TEAM,
      options: [{ name: '사이즈: Q / 두께: 28cm', extraPrice: 0 }],
    });
    const before = new Date();
    const res = await submit({ ...recipient, requestedDate: '2099-01-15', items: twoItems() });
    const after = new Date();
    expect(res.status).toBe(302);

    const order = await prisma.order.findFirstOrThrow({
      include: { items: { orderBy: { externalItemNo: 'asc' } }, channel: true, events: true },
    });
    expect(res.headers.location).toBe(`/orders/${order.id}`);
    expect(order.channel.code).toBe('showroom');
    expect(order.externalOrderNo).toMatch(ORDER_NO);
    expect(order.externalOrderNo.endsWith('-0001')).toBe(true);
    expect(order).toMatchObject({
      buyerName: '김민준',
      buyerPhone: '010-1234-5678',
      recipientName: '김민준',
      postalCode: '43100',
      addressDetail: '101호',
      memo: '오후에 연락 주세요',
      requestedDate: new Date('2099-01-15T00:00:00Z'),
      totalAmount: 1_090_000 + 140_000,
    });
    // Ordered when the clerk registered it (stored to the second).
    expect(order.orderedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(order.orderedAt.getTime()).toBeLessThanOrEqual(after.getTime());
    expect(order.items.map((i) => ({ ...i }))).toEqual([
      expect.objectContaining({
        externalItemNo: `${order.externalOrderNo}-1`,
        productId: mattress.id,
        optionId: mattress.q,
        listingId: null,
        needsReview: false,
        productName: '슬립웨이브 7존 하이브리드 매트리스',
        optionName: '사이즈: Q / 두께: 28cm',
        quantity: 1,
        unitPrice: 1_090_000,
        amount: 1_090_000,
        deliveryMethod: 'OWN_TEAM',
        regionSido: '대구광역시',
        regionSigungu: '군위군',
        status: 'NEW',
      }),
      expect.objectContaining({
        externalItemNo: `${order.externalOrderNo}-2`,
        productId: pillow.id,
        optionId: pillow.high,
        quantity: 2,
        unitPrice: 70_000,
        amount: 140_000,
        deliveryMethod: 'COURIER',
        regionSido: '대구광역시',
        regionSigungu: '군위군',
      }),
    ]);
    expect(order.events).toEqual([
      expect.objectContaining({ type: 'CREATED', source: 'FORM', itemId: null }),
    ]);
    expect(order.events[0].actorId).toBe(
      (await prisma.user.findUniqueOrThrow({ where: { username: 'clerk' } })).id,
    );
    expect(await prisma.channelListing.count()).toBe(0);

    const detail = await clerk.get(res.headers.location);
    expect(detail.text).toContain(`매장 주문 ${order.externalOrderNo}을 등록했습니다.`);
  });

  it('numbers the day’s orders in turn and puts the same person and address in one bundle', async () => {
    await submit({ ...recipient, items: twoItems().slice(0, 1) });
    // The same stop typed differently: spacing and a phone without hyphens.
    await submit({
      ...recipient,
      recipientPhone: '01012345678',
      address: '대구광역시  군위군 군위읍 중앙길 1',
      items: twoItems().slice(1),
    });
    await submit({ ...recipient, recipientName: '이서연', items: twoItems().slice(1) });
    const items = await prisma.orderItem.findMany({
      orderBy: { externalItemNo: 'asc' },
      include: { order: true },
    });
    expect(items.map((i) => i.order.externalOrderNo.slice(-5))).toEqual([
      '-0001',
      '-0002',
      '-0003',
    ]);
    expect(items[0].bundleKey).toBe(items[1].bundleKey);
    expect(items[0].bundleKey).toContain(':to:김민준|01012345678|');
    expect(items[2].bundleKey).not.toBe(items[0].bundleKey);
  });

  it('gives clerks submitting at once different numbers', async () => {
    const desks = [clerk];
    for (let i = 0; i < 3; i++)
      desks.push(await logIn(app.getHttpServer(), 'clerk', { password: PASSWORD }));
    const forms = await Promise.all(desks.map((desk) => openForm(desk)));
    const results = await Promise.all(
      forms.map(({ _csrf, formId }, i) =>
        send(desks[i], { _csrf, formId, ...recipient, items: twoItems().slice(0, 1) }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([302, 302, 302, 302]);
    const numbers = (await prisma.order.findMany()).map((o) => o.externalOrderNo.slice(-4)).sort();
    expect(numbers).toEqual(['0001', '0002', '0003', '0004']);
    expect(await prisma.orderItem.count()).toBe(4);
  });

  it('creates one order when the same form is sent twice at once, and answers both with it', async () => {
    const { _csrf, formId } = await openForm();
    const form = { _csrf, formId, ...recipient, items: twoItems() };
    const [first, second] = await Promise.all([send(clerk, form), send(clerk, form)]);
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(second.headers.location).toBe(first.headers.location);
    const again = await send(clerk, form);
    expect(again.headers.location).toBe(first.headers.location);
    expect(await prisma.order.count()).toBe(1);
    expect(await prisma.orderItem.count()).toBe(2);
  });

  it('shows Korean errors beside each field and item row, keeping what was typed (422)', async () => {
    const res = await submit({
      ...recipient,
      recipientName: '',
      recipientPhone: '12345',
      postalCode: '4310',
      requestedDate: '2099-02-30',
      items: [
        { productId: String(mattress.id), optionId: String(mattress.q), quantity: '0' },
        { productId: '', quantity: '1', unitPrice: '-5' },
      ],
    });
    expect(res.status).toBe(422);
    const html = shown(res.text);
    for (const message of [
      '입력값을 확인하세요.',
      '수령인을 1~100자로 입력하세요.',
      '연락처를 010-1234-5678 형식으로 입력하세요.',
      '우편번호는 5자리 숫자로 입력하세요.',
      '배송희망일을 YYYY-MM-DD 형식으로 입력하세요.',
      '수량은 1~999 사이의 정수로 입력하세요.',
      '상품을 선택하세요.',
      '단가는 0원~1억 원 사이의 정수로 입력하세요.',
    ])
      expect(html).toContain(message);
    expect(html).toContain('value="12345"');
    expect(html).toContain('value="대구광역시 군위군 군위읍 중앙길 1"');
    expect(html).toMatch(
      new RegExp(`<option value="${mattress.id}" data-price="890000" selected>`),
    );
    expect(html).toMatch(new RegExp(`<option value="${mattress.q}" data-extra="200000" selected>`));
    expect(html).toMatch(/name="items\[0\]\[quantity\]" value="0"/);
    expect(html).toMatch(/name="items\[1\]\[unitPrice\]" value="-5"/);
    expect(await prisma.order.count()).toBe(0);
  });

  it('asks for an option beside the row when the product has options', async () => {
    const res = await submit({
      ...recipient,
      items: [
        { productId: String(pillow.id), optionId: String(pillow.high), quantity: '1' },
        { productId: String(mattress.id), optionId: '', quantity: '1' },
      ],
    });
    expect(res.status).toBe(422);
    const row = res.text.slice(res.text.indexOf('name="items[1][optionId]"'));
    expect(row.slice(0, row.indexOf('</td>'))).toContain('옵션을 선택하세요.');
    expect(await prisma.order.count()).toBe(0);
  });

  it('refuses a product deleted after the form was opened, writes nothing, and lets the corrected form through', async () => {
    const { _csrf, formId } = await openForm();
    await app.get(ProductCommands).setDeleted(mattress.id, true);
    const form = { _csrf, formId, ...recipient, items: twoItems() };
    const res = await send(clerk, form);
    expect(res.status).toBe(422);
    expect(res.text).toContain(
      '삭제된 상품은 주문할 수 없습니다: 슬립웨이브 7존 하이브리드 매트리스',
    );
    expect(res.text).toContain(`name="formId" value="${formId}"`);
    expect(shown(res.text)).toContain('value="오후에 연락 주세요"');
    expect(await prisma.order.count()).toBe(0);
    expect(await prisma.orderEvent.count()).toBe(0);

    const fixed = await send(clerk, { ...form, items: twoItems().slice(1) });
    expect(fixed.status).toBe(302);
    expect(await prisma.orderItem.count()).toBe(1);
  });

  it('refuses an option of another product', async () => {
    const res = await submit({
      ...recipient,
      items: [{ productId: String(pillow.id), optionId: String(mattress.k), quantity: '1' }],
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('상품에 속하지 않은 옵션은 주문할 수 없습니다');
    expect(await prisma.order.count()).toBe(0);
  });

  it('never writes onto an existing order when a form-made number is already taken', async () => {
    await submit({ ...recipient, items: twoItems().slice(0, 1) });
    const order = await prisma.order.findFirstOrThrow({ include: { channel: true } });
    const run = app.get(IntakePipeline).run({
      channel: order.channel,
      rows: (async function* () {
        yield {
          rowNumber: 1,
          chosen: { productId: pillow.id, optionId: pillow.high },
          raw: {
            externalOrderNo: order.externalOrderNo,
            externalItemNo: `${order.externalOrderNo}-1`,
            orderedAt: '2026-04-01 10:00:00',
            recipientName: '다른 사람',
            recipientPhone: '010-9999-9999',
            address: '서울특별시 중구 세종대로 110',
            productName: '라텍스 경추 베개',
            quantity: '5',
          },
        };
      })(),
      headerOf: showroomHeaderOf,
      source: 'FORM',
      actorId: null,
      commit: true,
      newOrderOnly: true,
    });
    await expect(run).rejects.toBeInstanceOf(OrderNoTakenError);
    const after = await prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      include: { items: true },
    });
    expect(after.recipientName).toBe('김민준');
    expect(after.items.map((i) => i.quantity)).toEqual([1]);
  });

  it('is closed to the delivery team', async () => {
    const driver = await logIn(app.getHttpServer(), 'driver', { password: PASSWORD });
    expect((await driver.get('/orders/new')).status).toBe(403);
    const { formId } = await openForm();
    const _csrf = csrfFrom((await driver.get('/')).text);
    const res = await send(driver, { _csrf, formId, ...recipient, items: twoItems() });
    expect(res.status).toBe(403);
    expect(await prisma.order.count()).toBe(0);
  });

  it('refuses a submit without the CSRF token', async () => {
    const { formId } = await openForm();
    const res = await send(clerk, { formId, ...recipient, items: twoItems() });
    expect(res.status).toBe(403);
    expect(res.text).toContain('보안 토큰이 없거나 만료되었습니다.');
    expect(await prisma.order.count()).toBe(0);
  });
});
