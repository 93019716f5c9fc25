import type { NestExpressApplication } from '@nestjs/platform-express';
import { PrismaService } from '../../src/database/prisma.service';
import { BundlesService } from '../../src/delivery-bundling/bundles.service';
import { ImportService } from '../../src/orders/intake/import.service';
import { seedDemo } from '../../src/seed/demo-seed';
import { PasswordHasher } from '../../src/users/password-hasher';
import { type SmartStoreRow, buildSmartStoreOrderFile } from '../fixtures/smartstore-file';
import { createTestApp, resetState } from '../support/test-app';

// The pipeline reads, plans and writes a file a thousand rows at a time, writing one batch
// while it plans the next. These files span several batches, with one order whose two items
// sit on either side of the first boundary (data rows 1000 and 1001).
const LAST_OF_FIRST_BATCH = 999;
const STRADDLING_ORDER_NO = '2026112400000001';
const straddling: SmartStoreRow = {
  주문번호: STRADDLING_ORDER_NO,
  '배송비 묶음번호': '1499999999',
  주문상태: '결제완료',
  주문세부상태: '신규주문',
  수취인명: '한가람',
  수취인연락처1: '010-2400-0001',
  우편번호: '06236',
  기본배송지: '서울특별시 강남구 테헤란로 152',
  통합배송지: '서울특별시 강남구 테헤란로 152 12층',
  상세배송지: '12층',
};

function smartStoreFile(count: number, changed: Record<number, SmartStoreRow> = {}) {
  const rows = Array.from({ length: count }, (_, i) => changed[i] ?? {});
  return buildSmartStoreOrderFile({ rows });
}

const withStraddlingOrder = (order: SmartStoreRow = straddling) => ({
  [LAST_OF_FIRST_BATCH]: order,
  [LAST_OF_FIRST_BATCH + 1]: order,
});

describe('importing a file of several batches', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let imports: ImportService;
  let smartstoreId: number;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
    imports = app.get(ImportService);
  });
  beforeEach(async () => {
    await resetState(app);
    await seedDemo(prisma, app.get(PasswordHasher), 'demo-pass-1234');
    smartstoreId = (await prisma.channel.findUniqueOrThrow({ where: { code: 'smartstore' } })).id;
  });
  afterAll(() => app.close());

  const importFile = (bytes: Buffer) =>
    imports.importFile({ channelCode: 'smartstore', fileName: '주문.xlsx', bytes, dryRun: false });

  async function bundleAssignments() {
    const items = await prisma.orderItem.findMany({
      select: { id: true, bundle: { select: { bundleKey: true, status: true } } },
      orderBy: { id: 'asc' },
    });
    return { items, bundles: await prisma.deliveryBundle.count() };
  }

  it('writes every row once, totals an order over all its items and keeps bundles as a rebuild would', async () => {
    const file = await smartStoreFile(2100, withStraddlingOrder());

    const summary = await importFile(file);

    expect(summary).toMatchObject({ totalRows: 2100, created: 2100, failed: 0 });
    expect(await prisma.orderItem.count()).toBe(2100);
    const order = await prisma.order.findFirstOrThrow({
      where: { externalOrderNo: STRADDLING_ORDER_NO },
      include: { items: true },
    });
    expect(order.items).toHaveLength(2);
    expect(order.totalAmount).toBe(order.items[0].amount + order.items[1].amount);
    const totalsOff = await prisma.$queryRaw<unknown[]>`
      SELECT o.id FROM \`Order\` o JOIN OrderItem i ON i.orderId = o.id
      GROUP BY o.id HAVING SUM(i.amount) <> MAX(o.totalAmount)`;
    expect(totalsOff).toEqual([]);
    expect(await prisma.orderEvent.count({ where: { type: 'CREATED' } })).toBe(
      await prisma.order.count(),
    );
    const created = await prisma.orderEvent.findFirstOrThrow({
      where: { orderId: order.id, type: 'CREATED' },
    });
    expect(created.toValue).toBe(`${STRADDLING_ORDER_NO} (2개 품목)`);
    const synced = await bundleAssignments();
    expect(synced.bundles).toBeGreaterThan(0);
    await app.get(BundlesService).rebuildAll();
    expect(await bundleAssignments()).toEqual(synced);
  });

  it('changes nothing when the same file of several batches comes again', async () => {
    const file = await smartStoreFile(2100, withStraddlingOrder());
    await importFile(file);
    const events = await prisma.orderEvent.count();

    const again = await importFile(file);

    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2100, failed: 0 });
    expect(await prisma.orderEvent.count()).toBe(events);
  });

  it('commits what the preview showed when an order’s new address reaches across batches', async () => {
    await importFile(await smartStoreFile(1100, withStraddlingOrder()));
    const moved = {
      ...straddling,
      우편번호: '48058',
      기본배송지: '부산광역시 해운대구 센텀중앙로 79',
      통합배송지: '부산광역시 해운대구 센텀중앙로 79 12층',
    };
    const bytes = await smartStoreFile(1100, withStraddlingOrder(moved));

    const preview = await imports.preview({
      channelId: smartstoreId,
      fileName: '주문.xlsx',
      bytes,
      actorId: null,
    });
    const committed = await imports.commit(preview.id, null);

    expect(preview).toMatchObject({ updatedCount: 2, unchangedCount: 1098 });
    expect(committed).toMatchObject({ updated: 2, unchanged: 1098, planHash: expect.any(String) });
    expect(await imports.get(preview.id)).toMatchObject({ status: 'COMMITTED' });
    const order = await prisma.order.findFirstOrThrow({
      where: { externalOrderNo: STRADDLING_ORDER_NO },
      include: { items: true, events: { where: { type: 'ADDRESS' } } },
    });
    expect(order).toMatchObject({ postalCode: '48058', address: moved.기본배송지 });
    expect(order.events.map((e) => e.toValue).sort()).toEqual(['48058', moved.기본배송지].sort());
    expect(order.items.map((i) => i.regionSido)).toEqual(['부산광역시', '부산광역시']);
  });

  it('stores every character a cell holds, quotes, backslashes and question marks included', async () => {
    const tricky = {
      수취인명: `O'Brien "김" \\ 🛏`,
      배송메세지: "문 앞에 두세요?\n경비실 ☎ 02-123-4567'); DROP TABLE `Order`; -- \\",
      상품명: "프리미엄 '호텔' 매트리스 \\ Q",
    };

    await importFile(await smartStoreFile(3, { 1: tricky }));

    const item = await prisma.orderItem.findFirstOrThrow({
      where: { productName: tricky.상품명 },
      include: { order: true },
    });
    expect(item.order).toMatchObject({ recipientName: tricky.수취인명, memo: tricky.배송메세지 });
    expect(await prisma.order.count()).toBe(3);
  });

  it('leaves nothing of the file behind when writing a later batch fails', async () => {
    const failingItemNo = '2026112499999990';
    // A real database failure, raised by MariaDB itself while it inserts the third batch.
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER intake_batches_fail BEFORE INSERT ON OrderItem FOR EACH ROW
       IF NEW.externalItemNo = '${failingItemNo}' THEN
         SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk full';
       END IF`,
    );
    try {
      const file = await smartStoreFile(2100, { 2050: { 상품주문번호: failingItemNo } });

      await expect(importFile(file)).rejects.toThrow('disk full');

      expect(await prisma.order.count()).toBe(0);
      expect(await prisma.orderItem.count()).toBe(0);
      expect(await prisma.orderEvent.count()).toBe(0);
      expect(await prisma.deliveryBundle.count()).toBe(0);
      expect(await prisma.channelListing.count()).toBe(0);
    } finally {
      await prisma.$executeRawUnsafe('DROP TRIGGER IF EXISTS intake_batches_fail');
    }
  });

  it('adds an item that a later download brings for a known order to that order’s total', async () => {
    const first = await buildSmartStoreOrderFile({
      rows: [{ 주문번호: STRADDLING_ORDER_NO, 상품주문번호: '2026112400000101' }],
    });
    await importFile(first);
    const later = await buildSmartStoreOrderFile({
      rows: [
        { 주문번호: STRADDLING_ORDER_NO, 상품주문번호: '2026112400000101' },
        { 주문번호: STRADDLING_ORDER_NO, 상품주문번호: '2026112400000102' },
      ],
    });
    expect(await importFile(later)).toMatchObject({ created: 1, unchanged: 1 });
    const order = await prisma.order.findFirstOrThrow({
      where: { externalOrderNo: STRADDLING_ORDER_NO },
      include: { items: true },
    });
    expect(order.items).toHaveLength(2);
    expect(order.totalAmount).toBe(order.items[0].amount + order.items[1].amount);
  });

  it('keeps the day an item was delivered when a later download confirms the purchase', async () => {
    const row = { 상품주문번호: '2026112400000201', 주문세부상태: '' };
    await importFile(await buildSmartStoreOrderFile({ rows: [{ ...row, 주문상태: '배송완료' }] }));
    const delivered = await prisma.orderItem.findFirstOrThrow({
      where: { externalItemNo: '2026112400000201' },
    });
    expect(delivered.completedAt).not.toBeNull();
    await importFile(await buildSmartStoreOrderFile({ rows: [{ ...row, 주문상태: '구매확정' }] }));
    const confirmed = await prisma.orderItem.findFirstOrThrow({
      where: { externalItemNo: '2026112400000201' },
    });
    expect(confirmed).toMatchObject({
      status: 'COMPLETED',
      completedAt: delivered.completedAt,
      lifeDate: delivered.lifeDate,
    });
  });
});
