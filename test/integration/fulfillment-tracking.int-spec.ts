import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { PrismaService } from '../../src/database/prisma.service';
import { OrderShipmentService } from '../../src/orders/order-shipment.service';
import { OrderStatusService } from '../../src/orders/order-status.service';
import { buildTrackingCsv, buildTrackingXlsx, TrackingFileRow } from '../fixtures/tracking-file';
import { buildZip } from '../fixtures/zip-builder';
import { createStaff } from '../support/factories';
import { Agent, csrfFrom, logIn } from '../support/http';
import { createOrders, ItemSpec } from '../support/order-factory';
import { createTestApp, resetState } from '../support/test-app';

const HEADERS = ['상품주문번호', '주문번호', '택배사', '송장번호'];
const courierItem = (externalItemNo: string, over: Partial<ItemSpec> = {}): ItemSpec => ({
  externalItemNo,
  productName: '메모리폼 베개',
  deliveryMethod: 'COURIER',
  status: 'PREPARING',
  ...over,
});

describe('uploading courier tracking numbers', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let clerk: Agent;
  let clerkId: number;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(async () => {
    await resetState(app);
    clerkId = (await createStaff(app)).clerk.id;
    clerk = await logIn(app.getHttpServer(), 'clerk');
  });
  afterAll(() => app.close());

  async function upload(bytes: Buffer, name = '송장.xlsx', channelId?: number) {
    const token = csrfFrom((await clerk.get('/fulfillment/tracking')).text);
    let req = clerk.post('/fulfillment/tracking').set('x-csrf-token', token);
    if (channelId) req = req.field('channelId', String(channelId));
    return req.attach('file', bytes, name);
  }

  const xlsx = (rows: TrackingFileRow[], headers = HEADERS) =>
    buildTrackingXlsx({ banner: 'CJ대한통운 출고 내역 2026-11-24', headers, rows });

  // Each result line as [row, outcome, reason].
  function lines(html: string): Array<[number, string, string]> {
    return [...html.matchAll(/<tr data-row="(\d+)" data-outcome="([A-Z]+)">([\s\S]*?)<\/tr>/g)].map(
      (m) => [
        Number(m[1]),
        m[2],
        /<td class="small">([^<]*)<\/td>\s*$/.exec(m[3])?.[1].trim() ?? '',
      ],
    );
  }

  const itemByNo = (externalItemNo: string) =>
    prisma.orderItem.findFirstOrThrow({ where: { externalItemNo } });

  it('ships each prepared courier item with its courier and number, and writes the history', async () => {
    await createOrders(app, [
      { externalOrderNo: 'O-1', items: [courierItem('I-1')] },
      { externalOrderNo: 'O-2', items: [courierItem('I-2'), courierItem('I-3')] },
    ]);
    const res = await upload(
      await xlsx([
        ['I-1', 'O-1', '대한통운', '6012-3456-7890'],
        [null, 'O-2', '한진택배', 512345678901],
      ]),
    );

    expect(res.status).toBe(200);
    expect(lines(res.text)).toEqual([
      [3, 'SHIPPED', ''],
      [4, 'SHIPPED', ''],
      [4, 'SHIPPED', ''],
    ]);
    expect(res.text).toMatch(/data-testid="count-shipped">3</);
    expect(await itemByNo('I-1')).toMatchObject({
      status: 'SHIPPED',
      courier: 'CJ대한통운',
      trackingNo: '601234567890',
      version: 1,
    });
    for (const no of ['I-2', 'I-3']) {
      expect(await itemByNo(no)).toMatchObject({
        status: 'SHIPPED',
        courier: '한진택배',
        trackingNo: '512345678901',
      });
    }
    const item = await itemByNo('I-1');
    const events = await prisma.orderEvent.findMany({
      where: { itemId: item.id },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.type, e.fromValue, e.toValue, e.source, e.actorId])).toEqual([
      ['TRACKING', null, 'CJ대한통운', 'EXCEL', clerkId],
      ['TRACKING', null, '601234567890', 'EXCEL', clerkId],
      ['STATUS', 'PREPARING', 'SHIPPED', 'EXCEL', clerkId],
    ]);
    // The customer's message is written with the change, so it already names the parcel.
    const message = await prisma.notification.findFirstOrThrow({ where: { itemId: item.id } });
    expect(message.body).toContain('CJ대한통운 601234567890');
  });

  it('refuses an item named by two rows, ships the rest, and changes nothing when the file comes again', async () => {
    await createOrders(app, [
      { externalOrderNo: 'O-1', items: [courierItem('I-1'), courierItem('I-2')] },
    ]);
    const file = await xlsx([
      ['I-1', null, 'CJ대한통운', '601234567890'],
      [null, 'O-1', '롯데택배', '233344445555'],
    ]);
    // Row 4 names I-1 again through its order, so only I-2 goes with the 주문번호 row.
    const first = await upload(file);
    expect(lines(first.text).map((l) => l[1])).toEqual(['ERROR', 'ERROR', 'SHIPPED']);
    const events = await prisma.orderEvent.count();

    const second = await upload(file);
    expect(lines(second.text).map((l) => l[1])).toEqual(['ERROR', 'ERROR', 'UNCHANGED']);
    expect(await prisma.orderEvent.count()).toBe(events);
    expect((await itemByNo('I-2')).version).toBe(1);
  });

  it('reports a clean file uploaded twice as all unchanged the second time', async () => {
    await createOrders(app, [{ items: [courierItem('I-1'), courierItem('I-2')] }]);
    const file = await xlsx([
      ['I-1', null, 'CJ대한통운', '601234567890'],
      ['I-2', null, '우체국', '6865123456789'],
    ]);
    await upload(file);
    const events = await prisma.orderEvent.count();
    const again = await upload(file);
    expect(lines(again.text)).toEqual([
      [3, 'UNCHANGED', ''],
      [4, 'UNCHANGED', ''],
    ]);
    expect(again.text).toMatch(/data-testid="count-unchanged">2</);
    expect(await prisma.orderEvent.count()).toBe(events);
  });

  it('corrects the parcel of an item already shipped, without touching its status', async () => {
    const [order] = await createOrders(app, [
      { items: [courierItem('I-1', { status: 'SHIPPED' })] },
    ]);
    await prisma.orderItem.update({
      where: { id: order.items[0].id },
      data: { courier: 'CJ대한통운', trackingNo: '601234567890' },
    });
    const res = await upload(await xlsx([['I-1', null, 'CJ대한통운', '601234567899']]));
    expect(lines(res.text)).toEqual([[3, 'RETRACKED', '']]);
    expect(await itemByNo('I-1')).toMatchObject({ status: 'SHIPPED', trackingNo: '601234567899' });
    const events = await prisma.orderEvent.findMany({ where: { itemId: order.items[0].id } });
    expect(events.map((e) => [e.type, e.fromValue, e.toValue])).toEqual([
      ['TRACKING', '601234567890', '601234567899'],
    ]);
  });

  it('lists every refused row with its reason and leaves those items alone', async () => {
    await createOrders(app, [
      {
        externalOrderNo: 'O-1',
        items: [
          courierItem('I-NEW', { status: 'NEW' }),
          courierItem('I-CANCELLED', { status: 'CANCELLED' }),
          courierItem('I-BED', { deliveryMethod: 'OWN_TEAM', productName: '모션베드 M1' }),
          courierItem('I-TWICE'),
          courierItem('I-NO-NUMBER'),
        ],
      },
    ]);
    const res = await upload(
      await xlsx([
        ['I-UNKNOWN', null, 'CJ대한통운', '601234567890'],
        ['I-NO-NUMBER', null, 'CJ대한통운', null],
        ['I-CANCELLED', null, 'CJ대한통운', '601234567891'],
        ['I-BED', null, 'CJ대한통운', '601234567892'],
        ['I-NEW', null, 'CJ대한통운', '601234567893'],
        ['I-TWICE', null, 'CJ대한통운', '601234567894'],
        ['I-TWICE', null, 'CJ대한통운', '601234567895'],
      ]),
    );

    expect(res.status).toBe(200);
    expect(lines(res.text)).toEqual([
      [3, 'ERROR', '등록되지 않은 상품주문번호입니다.'],
      [4, 'ERROR', '송장번호가 비어 있습니다.'],
      [5, 'ERROR', '취소된 상품주문입니다.'],
      [6, 'ERROR', '자체 배송팀이 배송하는 상품이라 택배 송장을 등록하지 않습니다.'],
      [
        7,
        'ERROR',
        '&#x27;신규&#x27;에서 &#x27;발송(택배)&#x27;(으)로 바꿀 수 없습니다. 출고준비 상태에서만 발송 처리할 수 있습니다.',
      ],
      [8, 'ERROR', '같은 상품주문번호가 파일에 여러 번 있습니다(8, 9행). 한 행만 남겨 주세요.'],
      [9, 'ERROR', '같은 상품주문번호가 파일에 여러 번 있습니다(8, 9행). 한 행만 남겨 주세요.'],
    ]);
    const items = await prisma.orderItem.findMany();
    expect(items.every((i) => i.version === 0 && i.trackingNo === null)).toBe(true);
    expect(await prisma.orderEvent.count()).toBe(0);
  });

  it('reads a CP949 CSV, and refuses a number two channels share until the channel is picked', async () => {
    const [store, partner] = await createOrders(app, [
      { channel: 'smartstore', items: [courierItem('SAME-1')] },
      { channel: 'hanbit', items: [courierItem('SAME-1')] },
    ]);
    const csv = buildTrackingCsv({
      encoding: 'cp949',
      headers: ['상품주문번호', '택배사', '운송장번호'],
      rows: [['SAME-1', '로젠택배', '30123456789']],
    });
    const ambiguous = await upload(csv, '송장.csv');
    expect(lines(ambiguous.text)).toEqual([
      [2, 'ERROR', '여러 채널에 같은 상품주문번호가 있습니다. 채널을 골라 다시 올려 주세요.'],
    ]);

    const picked = await upload(csv, '송장.csv', partner.channelId);
    expect(lines(picked.text)).toEqual([[2, 'SHIPPED', '']]);
    expect(picked.text).toContain('한빛가구 (협력사)');
    const shipped = await prisma.orderItem.findUniqueOrThrow({
      where: { id: partner.items[0].id },
    });
    expect(shipped).toMatchObject({ status: 'SHIPPED', courier: '로젠택배' });
    const untouched = await prisma.orderItem.findUniqueOrThrow({
      where: { id: store.items[0].id },
    });
    expect(untouched.status).toBe('PREPARING');
  });

  it('refuses a file that is not a tracking sheet with a clear message, changing nothing', async () => {
    await createOrders(app, [{ items: [courierItem('I-1')] }]);
    const refusals: Array<[Buffer, string, RegExp]> = [
      [Buffer.from('%PDF-1.7 not a sheet'), '송장.pdf', /PDF 파일입니다/],
      [
        await xlsx([['I-1', '김민준']], ['상품주문번호', '받는분']),
        '송장.xlsx',
        /필수 열이 없습니다: 택배사, 송장번호/,
      ],
      [
        buildZip([
          { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
          { name: 'xl/workbook.xml', content: Buffer.from('<workbook/>') },
          { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(8 * 1024 * 1024) },
        ]),
        '송장.xlsx',
        /압축/,
      ],
      [Buffer.alloc(11 * 1024 * 1024, 'a'), '송장.csv', /파일이 너무 큽니다. 10MB 이하/],
    ];
    for (const [bytes, name, message] of refusals) {
      const res = await upload(bytes, name);
      expect(res.status).toBe(422);
      expect(res.text).toMatch(message);
      expect(res.text).toContain('action="/fulfillment/tracking"');
    }
    expect(await itemByNo('I-1')).toMatchObject({ status: 'PREPARING', version: 0 });
    expect(await prisma.orderEvent.count()).toBe(0);
  });

  it('writes no parcel for an item changed since the file was read', async () => {
    const [order] = await createOrders(app, [{ items: [courierItem('I-1')] }]);
    const shipments = app.get(OrderShipmentService);
    const shipment = {
      itemId: order.items[0].id,
      version: 0,
      courier: 'CJ대한통운',
      trackingNo: '601234567890',
      source: 'EXCEL' as const,
      actorId: clerkId,
    };
    await prisma.orderItem.update({
      where: { id: order.items[0].id },
      data: { version: { increment: 1 } },
    });
    expect(await shipments.shipAll([shipment])).toEqual([{ kind: 'stale' }]);
    expect(await shipments.changeTracking({ ...shipment, version: 1 })).toEqual({ kind: 'stale' });
    expect(await itemByNo('I-1')).toMatchObject({ status: 'PREPARING', trackingNo: null });
    expect(await prisma.orderEvent.count()).toBe(0);
  });

  it('tells the customer once per order, naming every parcel, however many rows ship it', async () => {
    await createOrders(app, [
      { externalOrderNo: 'O-1', items: [courierItem('I-1'), courierItem('I-2')] },
      { externalOrderNo: 'O-2', items: [courierItem('I-3')] },
    ]);
    const res = await upload(
      await xlsx([
        ['I-1', null, 'CJ대한통운', '601234567890'],
        ['I-3', null, 'CJ대한통운', '601234567892'],
        ['I-2', null, '한진택배', '512345678901'],
      ]),
    );
    expect(lines(res.text).map((l) => [l[0], l[1]])).toEqual([
      [3, 'SHIPPED'],
      [4, 'SHIPPED'],
      [5, 'SHIPPED'],
    ]);
    const messages = await prisma.notification.findMany({ orderBy: { id: 'asc' } });
    expect(messages).toHaveLength(2);
    const [first, second] = messages;
    expect(first.body).toContain('CJ대한통운 601234567890');
    expect(first.body).toContain('한진택배 512345678901');
    expect(second.body).toContain('CJ대한통운 601234567892');
  });

  it('ships the rest of an order when one of its items changed since the file was read', async () => {
    const [order] = await createOrders(app, [{ items: [courierItem('I-1'), courierItem('I-2')] }]);
    const [first, second] = order.items;
    await prisma.orderItem.update({ where: { id: second.id }, data: { version: 1 } });
    const parcel = { courier: 'CJ대한통운', source: 'EXCEL' as const, actorId: clerkId };
    const outcomes = await app.get(OrderShipmentService).shipAll([
      { ...parcel, itemId: first.id, version: 0, trackingNo: '601234567890' },
      { ...parcel, itemId: second.id, version: 0, trackingNo: '601234567891' },
    ]);
    expect(outcomes).toEqual([{ kind: 'applied' }, { kind: 'stale' }]);
    expect(await itemByNo('I-1')).toMatchObject({ status: 'SHIPPED', trackingNo: '601234567890' });
    expect(await itemByNo('I-2')).toMatchObject({ status: 'PREPARING', trackingNo: null });
    expect(await prisma.notification.count()).toBe(1);
  });

  it('ships an order item by item when one of its items changes half-way through, writing each once', async () => {
    const [order] = await createOrders(app, [{ items: [courierItem('I-1'), courierItem('I-2')] }]);
    const [first, second] = order.items;
    const status = app.get(OrderStatusService);
    const apply = status.apply.bind(status);
    let interfered = false;
    const spy = jest.spyOn(status, 'apply').mockImplementation(async (tx, item, change) => {
      if (item.id !== second.id || interfered) return apply(tx, item, change);
      interfered = true;
      return { kind: 'stale' };
    });
    try {
      const parcel = { courier: 'CJ대한통운', source: 'EXCEL' as const, actorId: clerkId };
      const outcomes = await app.get(OrderShipmentService).shipAll([
        { ...parcel, itemId: second.id, version: 0, trackingNo: '601234567891' },
        { ...parcel, itemId: first.id, version: 0, trackingNo: '601234567890' },
      ]);
      expect(outcomes).toEqual([{ kind: 'applied' }, { kind: 'applied' }]);
      expect(interfered).toBe(true);
    } finally {
      spy.mockRestore();
    }
    expect(await itemByNo('I-1')).toMatchObject({ status: 'SHIPPED', version: 1 });
    expect(await itemByNo('I-2')).toMatchObject({ status: 'SHIPPED', version: 1 });
    const statusEvents = await prisma.orderEvent.findMany({ where: { type: 'STATUS' } });
    expect(statusEvents.map((e) => e.itemId).sort()).toEqual([first.id, second.id].sort());
    expect(await prisma.orderEvent.count({ where: { type: 'TRACKING' } })).toBe(4);
  });

  it('asks for a file when none was chosen', async () => {
    const token = csrfFrom((await clerk.get('/fulfillment/tracking')).text);
    const res = await clerk
      .post('/fulfillment/tracking')
      .set('x-csrf-token', token)
      .field('channelId', '');
    expect(res.status).toBe(422);
    expect(res.text).toContain('올릴 파일을 선택하세요.');
  });

  it('is for clerks and admins, not drivers', async () => {
    const driver = await logIn(app.getHttpServer(), 'driver');
    expect((await driver.get('/fulfillment/tracking')).status).toBe(403);
    expect((await request(app.getHttpServer()).get('/fulfillment/tracking')).status).toBe(302);
    const admin = await logIn(app.getHttpServer(), 'admin');
    expect((await admin.get('/fulfillment/tracking')).status).toBe(200);
  });
});
