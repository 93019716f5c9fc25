import type { NestExpressApplication } from '@nestjs/platform-express';
import ExcelJS from 'exceljs';
import type Redis from 'ioredis';
import request from 'supertest';
import { PrismaService } from '../../src/database/prisma.service';
import { seedDemo } from '../../src/seed/demo-seed';
import { PasswordHasher } from '../../src/users/password-hasher';
import { buildSmartStoreOrderFile } from '../fixtures/smartstore-file';
import { ListingReviewService } from '../../src/orders/listing-review.service';
import { ImportService } from '../../src/orders/intake/import.service';
import { ImportStore } from '../../src/orders/intake/import-store';
import { REDIS } from '../../src/redis/redis.provider';
import { Agent, csrfFrom, logIn } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';

describe('importing order files', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let clerk: Agent;
  let smartstoreId: number;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(async () => {
    await resetState(app);
    await seedDemo(prisma, app.get(PasswordHasher), 'demo-pass-1234');
    smartstoreId = (await prisma.channel.findUniqueOrThrow({ where: { code: 'smartstore' } })).id;
    clerk = await logIn(app.getHttpServer(), 'clerk', { password: 'demo-pass-1234' });
  });
  afterAll(() => app.close());

  async function upload(
    bytes: Buffer,
    fields: Record<string, string> = {},
    name = '주문목록.xlsx',
  ) {
    const token = csrfFrom((await clerk.get('/imports')).text);
    let req = clerk
      .post('/imports')
      .set('x-csrf-token', token)
      .field('channelId', String(fields.channelId ?? smartstoreId));
    if (fields.password) req = req.field('password', fields.password);
    return req.attach('file', bytes, name);
  }

  async function commit(batchUrl: string) {
    const page = await clerk.get(batchUrl);
    const res = await clerk
      .post(`${batchUrl}/commit`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    expect(res.status).toBe(302);
    const id = Number(batchUrl.split('/').pop());
    for (let i = 0; i < 100; i++) {
      const batch = await prisma.importBatch.findUniqueOrThrow({ where: { id } });
      if (batch.status !== 'COMMITTING') return batch;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('commit did not finish');
  }

  it('previews a SmartStore download without writing, then commits exactly that', async () => {
    const file = await buildSmartStoreOrderFile({ rows: 40 });
    const preview = await upload(file);
    expect(preview.status).toBe(302);
    const page = await clerk.get(preview.headers.location);
    expect(page.text).toContain('아직 아무것도 반영하지 않았습니다');
    expect(page.text).toMatch(/data-testid="created">40</);
    expect(await prisma.orderItem.count()).toBe(0);

    const batch = await commit(preview.headers.location);
    expect(batch.status).toBe('COMMITTED');
    expect(batch.createdCount).toBe(40);
    expect(await prisma.orderItem.count()).toBe(40);
    const item = await prisma.orderItem.findFirstOrThrow({ include: { order: true } });
    expect(item.externalItemNo).toMatch(/^\d{16}$/);
    expect(item.bundleKey).toMatch(new RegExp(`^${smartstoreId}:`));
    expect(await prisma.orderEvent.count({ where: { type: 'CREATED', source: 'EXCEL' } })).toBe(
      await prisma.order.count(),
    );
  });

  it('gives every item its region from the postal code', async () => {
    await commit(
      (
        await upload(
          await buildSmartStoreOrderFile({
            rows: [{ 우편번호: '43100', 기본배송지: '대구광역시 군위군 군위읍 중앙길 10' }],
          }),
        )
      ).headers.location,
    );
    const item = await prisma.orderItem.findFirstOrThrow();
    expect(item).toMatchObject({ regionSido: '대구광역시', regionSigungu: '군위군' });
  });

  it('changes nothing when the same file comes again', async () => {
    const file = await buildSmartStoreOrderFile({ rows: 30 });
    await commit((await upload(file)).headers.location);
    const events = await prisma.orderEvent.count();
    const again = await upload(file);
    const page = await clerk.get(again.headers.location);
    expect(page.text).toMatch(/data-testid="created">0</);
    expect(page.text).toMatch(/data-testid="unchanged">30</);
    const batch = await commit(again.headers.location);
    expect(batch.unchangedCount).toBe(30);
    expect(await prisma.orderItem.count()).toBe(30);
    expect(await prisma.orderEvent.count()).toBe(events);
  });

  it('applies a later download: status, tracking and address changes land with history', async () => {
    const first = [
      { 주문상태: '결제완료', 주문세부상태: '신규주문', 택배사: null, 송장번호: null },
    ];
    await commit((await upload(await buildSmartStoreOrderFile({ rows: first }))).headers.location);
    const later = [
      {
        주문상태: '배송중',
        주문세부상태: '',
        택배사: 'CJ대한통운',
        송장번호: '612345678901',
        우편번호: '48058',
        기본배송지: '부산광역시 해운대구 센텀서로 30',
      },
    ];
    const batch = await commit(
      (await upload(await buildSmartStoreOrderFile({ rows: later }))).headers.location,
    );
    expect(batch.updatedCount).toBe(1);
    const item = await prisma.orderItem.findFirstOrThrow();
    expect(item).toMatchObject({
      status: 'SHIPPED',
      courier: 'CJ대한통운',
      trackingNo: '612345678901',
      regionSido: '부산광역시',
      regionSigungu: '해운대구',
    });
    const types = (await prisma.orderEvent.findMany({ orderBy: { id: 'asc' } })).map(
      (e) => `${e.type}:${e.toValue}`,
    );
    expect(types).toEqual(
      expect.arrayContaining([
        'STATUS:SHIPPED',
        'TRACKING:CJ대한통운',
        'TRACKING:612345678901',
        'ADDRESS:부산광역시 해운대구 센텀서로 30',
      ]),
    );
  });

  it('rejects bad rows with row, column and a Korean reason, and imports the rest', async () => {
    const rows = [{}, { 수량: '두 개' }, { 상품주문번호: '' }, {}, { 주문일시: '어제 오후' }];
    const file = await buildSmartStoreOrderFile({ rows });
    const dupNo = '2026112499999999';
    const withDup = await buildSmartStoreOrderFile({
      rows: [...rows, { 상품주문번호: dupNo }, { 상품주문번호: dupNo }],
    });
    const preview = await upload(withDup);
    const page = await clerk.get(preview.headers.location);
    expect(page.text).toContain('수량이 올바른 숫자가 아닙니다: 두 개');
    expect(page.text).toContain('상품주문번호가 비어 있습니다.');
    expect(page.text).toContain('알 수 없는 날짜입니다: 어제 오후');
    expect(page.text).toContain(`같은 파일에 상품주문번호 ${dupNo}`);
    expect(page.text).toMatch(/<td>4<\/td><td>수량<\/td>/);
    const batch = await commit(preview.headers.location);
    expect(batch.failedCount).toBe(4);
    expect(batch.createdCount).toBe(3);

    const xlsx = await clerk
      .get(`${preview.headers.location}/errors.xlsx`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ArrayBuffer);
    expect(book.worksheets[0].rowCount).toBe(5);
    expect(String(book.worksheets[0].getRow(2).getCell(3).value)).toContain('수량');
    expect(file.length).toBeGreaterThan(0);
  });

  it('refuses a new order for a deleted product', async () => {
    await prisma.product.update({ where: { code: 'MT-HYB-01' }, data: { deletedAt: new Date() } });
    const product = await prisma.product.findUniqueOrThrow({
      where: { code: 'MT-HYB-01' },
      include: { options: true },
    });
    const rows = [{ 상품명: product.name, 옵션정보: product.options[0].name }];
    const batch = await commit(
      (await upload(await buildSmartStoreOrderFile({ rows }))).headers.location,
    );
    expect(batch.failedCount).toBe(1);
    expect(JSON.stringify(batch.errors)).toContain('삭제된 상품은 새로 주문할 수 없습니다');
    expect(await prisma.orderItem.count()).toBe(0);
  });

  it('flags an unseen product for review instead of refusing it', async () => {
    const rows = [{ 상품명: '신제품 모션베드 X1', 옵션정보: '사이즈: Q', 상품번호: '99887766' }];
    const preview = await upload(await buildSmartStoreOrderFile({ rows }));
    expect((await clerk.get(preview.headers.location)).text).toContain(
      '신제품 모션베드 X1 / 사이즈: Q',
    );
    await commit(preview.headers.location);
    const listing = await prisma.channelListing.findFirstOrThrow({
      where: { channelProductId: '99887766' },
    });
    expect(listing).toMatchObject({ needsReview: true, autoDetected: true, productId: null });
    expect(await prisma.orderItem.findFirstOrThrow()).toMatchObject({
      needsReview: true,
      listingId: listing.id,
    });
  });

  it('decrypts a password-protected download with the password typed, and refuses a wrong one', async () => {
    const file = await buildSmartStoreOrderFile({ rows: 5, password: 'store-pw-1' });
    const noPassword = await upload(file);
    expect(noPassword.status).toBe(422);
    expect(noPassword.text).toContain('암호');
    const wrong = await upload(file, { password: 'nope' });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('파일 암호가 맞지 않습니다');
    expect(await prisma.importBatch.count()).toBe(0);
    const right = await upload(file, { password: 'store-pw-1' });
    expect(right.status).toBe(302);
    expect((await commit(right.headers.location)).createdCount).toBe(5);
  });

  it('refuses files that are not order workbooks, writing nothing', async () => {
    const pdf = await upload(Buffer.from('%PDF-1.7 not a sheet'), {}, 'orders.pdf');
    expect(pdf.status).toBe(422);
    const missing = await upload(
      Buffer.from('이름,전화\n김민준,010-1234-5678\n', 'utf8'),
      {},
      'x.csv',
    );
    expect(missing.status).toBe(422);
    expect(missing.text).toMatch(/제목 행을 찾지 못했습니다|필수 열이 없습니다/);
    // Over the limit: multer stops reading it; the form says so in Korean.
    const huge = await upload(Buffer.alloc(64 * 1024 * 1024 + 1, 'a'), {}, 'orders.csv');
    expect(huge.status).toBe(422);
    expect(huge.text).toContain('파일이 너무 큽니다. 64MB 이하의 파일만 올릴 수 있습니다.');
    expect(huge.text).toContain('action="/imports"');
    expect(await prisma.importBatch.count()).toBe(0);
    expect(await prisma.orderItem.count()).toBe(0);
  });

  it('applies a preview once, however often commit is clicked', async () => {
    const preview = await upload(await buildSmartStoreOrderFile({ rows: 10 }));
    const page = await clerk.get(preview.headers.location);
    const token = csrfFrom(page.text);
    const [a, b] = await Promise.all([
      clerk.post(`${preview.headers.location}/commit`).type('form').send({ _csrf: token }),
      clerk.post(`${preview.headers.location}/commit`).type('form').send({ _csrf: token }),
    ]);
    expect([a.status, b.status].sort()).toEqual([302, 409]);
    await commit(preview.headers.location).catch(() => undefined);
    for (
      let i = 0;
      i < 100 && (await prisma.importBatch.findFirstOrThrow()).status === 'COMMITTING';
      i++
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await prisma.orderItem.count()).toBe(10);
  });

  it('refuses to commit when the orders changed after the preview', async () => {
    const file = await buildSmartStoreOrderFile({ rows: 3 });
    const first = await upload(file);
    const second = await upload(file);
    await commit(first.headers.location);
    const stale = await commit(second.headers.location);
    expect(stale.status).toBe('FAILED');
    expect(JSON.stringify(stale.errors)).toContain('미리보기 이후 주문 데이터가 바뀌었습니다');
    expect(await prisma.orderItem.count()).toBe(3);
  });

  it('tells the clerk that a commit cut off by a server stop changed nothing, instead of 반영 중 forever', async () => {
    const preview = await upload(await buildSmartStoreOrderFile({ rows: 5 }));
    const url: string = preview.headers.location;
    const id = Number(url.split('/').pop());
    const claim = () =>
      prisma.importBatch.update({ where: { id }, data: { status: 'COMMITTING' } });

    // A commit under way on some instance keeps its heartbeat: it stays 반영 중.
    await claim();
    await app.get(ImportStore).beat(id);
    expect((await clerk.get(`${url}/progress`)).body).toMatchObject({ status: 'COMMITTING' });

    // Redis lost the heartbeat, but the commit's transaction still holds the batch: 반영 중.
    const redis = app.get<Redis>(REDIS);
    const heartbeat = await redis.keys(`*import:${id}:alive`);
    expect(heartbeat).toHaveLength(1);
    await redis.del(...heartbeat);
    await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM ImportBatch WHERE id = ${id} FOR UPDATE`;
      expect((await clerk.get(`${url}/progress`)).body).toMatchObject({ status: 'COMMITTING' });
    });

    // The instance holding it stopped: no heartbeat, no transaction; it rolled back.
    expect((await clerk.get(`${url}/progress`)).body).toMatchObject({ status: 'FAILED' });
    const page = await clerk.get(url);
    expect(page.text).toContain('반영 도중 서버가 멈춰 반영하지 못했습니다. 바뀐 주문은 없습니다.');
    expect(page.text).not.toContain('data-import-progress');
    expect(await prisma.orderItem.count()).toBe(0);
  });

  it('is for clerks and admins, not drivers', async () => {
    const driver = await logIn(app.getHttpServer(), 'driver', { password: 'demo-pass-1234' });
    expect((await driver.get('/imports')).status).toBe(403);
    expect((await request(app.getHttpServer()).get('/imports')).status).toBe(302);
  });
});

describe('reviewing unseen channel products', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
    await resetState(app);
    await seedDemo(prisma, app.get(PasswordHasher), 'demo-pass-1234');
  });
  afterAll(() => app.close());

  it('maps a listing once: items already imported are relinked and the next import links by itself', async () => {
    const summary = await app.get(ImportService).importFile({
      channelCode: 'smartstore',
      fileName: 'a.xlsx',
      bytes: await buildSmartStoreOrderFile({
        rows: [{ 상품명: '슬립웨이브 매트리스 (구형 이름)', 옵션정보: 'Q', 상품번호: '555' }],
      }),
      dryRun: false,
    });
    expect(summary.created).toBe(1);
    const clerk = await logIn(app.getHttpServer(), 'clerk', { password: 'demo-pass-1234' });
    const page = await clerk.get('/orders/listings');
    expect(page.text).toContain('슬립웨이브 매트리스 (구형 이름)');
    const listing = await prisma.channelListing.findFirstOrThrow({
      where: { channelProductId: '555' },
    });
    const product = await prisma.product.findUniqueOrThrow({
      where: { code: 'MT-HYB-01' },
      include: { options: true },
    });
    const option = product.options.find((o) => o.name.startsWith('사이즈: Q'))!;

    const noChoice = await clerk
      .post(`/orders/listings/${listing.id}`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), choice: '' });
    expect(noChoice.status).toBe(422);
    expect(noChoice.text).toContain('연결할 상품과 옵션을 고르세요.');

    const res = await clerk
      .post(`/orders/listings/${listing.id}`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), choice: `${product.id}:${option.id}` });
    expect(res.status).toBe(302);
    expect(await prisma.orderItem.findFirstOrThrow()).toMatchObject({
      productId: product.id,
      optionId: option.id,
      needsReview: false,
    });
    expect(await prisma.orderEvent.count({ where: { type: 'MAPPING' } })).toBe(1);

    const next = await app.get(ImportService).importFile({
      channelCode: 'smartstore',
      fileName: 'b.xlsx',
      bytes: await buildSmartStoreOrderFile({
        rows: [
          {
            상품주문번호: '2026120100000001',
            상품명: '슬립웨이브 매트리스 (구형 이름)',
            옵션정보: 'Q',
            상품번호: '555',
          },
        ],
      }),
      dryRun: false,
    });
    expect(next.created).toBe(1);
    expect(
      await prisma.orderItem.findFirstOrThrow({ where: { externalItemNo: '2026120100000001' } }),
    ).toMatchObject({
      productId: product.id,
      optionId: option.id,
      needsReview: false,
    });
  });

  it('takes an item off its delivery stop when its listing is mapped to a courier product', async () => {
    await app.get(ImportService).importFile({
      channelCode: 'smartstore',
      fileName: 'c.xlsx',
      bytes: await buildSmartStoreOrderFile({
        rows: [
          { 상품주문번호: '2026120100000777', 상품명: '라텍스 베개 (옛 이름)', 상품번호: '777' },
        ],
      }),
      dryRun: false,
    });
    const item = () =>
      prisma.orderItem.findFirstOrThrow({ where: { externalItemNo: '2026120100000777' } });
    expect((await item()).bundleId).not.toBeNull();
    const listing = await prisma.channelListing.findFirstOrThrow({
      where: { channelProductId: '777' },
    });
    const pillow = await prisma.product.findUniqueOrThrow({
      where: { code: 'PW-LTX-01' },
      include: { options: true },
    });
    await app
      .get(ListingReviewService)
      .map(
        listing.id,
        { productId: pillow.id, optionId: pillow.options[0]?.id ?? null },
        (await prisma.user.findFirstOrThrow({ where: { username: 'clerk' } })).id,
      );
    expect(await item()).toMatchObject({ deliveryMethod: 'COURIER', bundleId: null });
  });
});
