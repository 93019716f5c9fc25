import type { NestExpressApplication } from '@nestjs/platform-express';
import { PrismaService } from '../../src/database/prisma.service';
import { createStaff } from '../support/factories';
import { Agent, logIn, shown } from '../support/http';
import { createOrders, OrderSpec } from '../support/order-factory';
import { createTestApp, resetState } from '../support/test-app';

// 상품주문번호 of the listed rows, top to bottom.
const listed = (html: string) =>
  [...html.matchAll(/aria-label="([0-9A-Za-z-]+) 선택"/g)].map((m) => m[1]);

const linkTo = (html: string, label: string) => {
  const match = new RegExp(`href="([^"]+)"[^>]*>${label}(?: <span|</a>)`).exec(html);
  if (!match) throw new Error(`no link ${label}`);
  return shown(match[1]);
};

const day = (iso: string) => new Date(iso);

describe('the order list', () => {
  let app: NestExpressApplication;
  let clerk: Agent;

  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(async () => {
    await resetState(app);
    await createStaff(app);
    clerk = await logIn(app.getHttpServer(), 'clerk');
  });
  afterAll(() => app.close());

  // A query typed as a person would (Hangul, %, spaces), or a link taken from a page.
  const page = (query: string) => follow(encodeURI(`/orders${query}`));
  const follow = async (href: string) => {
    const res = await clerk.get(href);
    expect(res.status).toBe(200);
    return shown(res.text);
  };

  const orders = (...specs: OrderSpec[]) => createOrders(app, specs);

  it('shows one row per 상품주문번호 with its order, product, recipient, region and status', async () => {
    const [order] = await orders({
      externalOrderNo: '2026112012345678',
      recipientName: '이서연',
      recipientPhone: '010-9876-5432',
      sido: '경기도',
      sigungu: '성남시',
      items: [
        { externalItemNo: '2026112099990001', optionName: '사이즈: K', unitPrice: 1_290_000 },
        {
          externalItemNo: '2026112099990002',
          productName: '라텍스 경추 베개',
          status: 'CONFIRMED',
          deliveryMethod: 'COURIER',
          needsReview: true,
        },
      ],
    });
    const html = await page('');
    expect(listed(html).sort()).toEqual(['2026112099990001', '2026112099990002']);
    for (const text of [
      '2026-11-20 10:00',
      '네이버 스마트스토어',
      '2026112012345678',
      '사이즈: K',
      '1,290,000원',
      '이서연',
      '010-9876-5432',
      '경기도 성남시',
      '자체배송',
      '택배',
      '신규',
      '발주확인',
      '검토 필요',
    ])
      expect(html).toContain(text);
    expect(html).toContain(`href="/orders/${order.id}"`);
    expect(html).toMatch(/<form id="bulk-form" method="post" action="\/orders\/bulk-status"/);
    expect(html).toContain(`name="itemIds" value="${order.items[0].id}"`);
    expect(html).toContain('data-select-all="itemIds"');
    expect(html).toContain('총 2건');
  });

  it('filters by one channel or several', async () => {
    await orders(
      { channel: 'smartstore', items: [{ externalItemNo: '1000000000001' }] },
      { channel: 'showroom', items: [{ externalItemNo: '1000000000002' }] },
      { channel: 'hanbit', items: [{ externalItemNo: '1000000000003' }] },
    );
    const prisma = app.get(PrismaService);
    const ids = Object.fromEntries((await prisma.channel.findMany()).map((c) => [c.code, c.id]));
    expect(listed(await page(`?channel=${ids.showroom}`))).toEqual(['1000000000002']);
    const two = await page(`?channel=${ids.showroom}&channel=${ids.hanbit}`);
    expect(listed(two).sort()).toEqual(['1000000000002', '1000000000003']);
    expect(two).toMatch(new RegExp(`value="${ids.hanbit}" autocomplete="off" checked`));
  });

  it('filters by status, claim, delivery method and needs-review', async () => {
    await orders({
      items: [
        { externalItemNo: '2000000000001', status: 'NEW' },
        { externalItemNo: '2000000000002', status: 'RETURN_REQUESTED', claimType: 'RETURN' },
        { externalItemNo: '2000000000003', status: 'SHIPPED', deliveryMethod: 'COURIER' },
        { externalItemNo: '2000000000004', status: 'PREPARING', needsReview: true },
      ],
    });
    expect(listed(await page('?status=NEW'))).toEqual(['2000000000001']);
    expect(listed(await page('?status=NEW&status=SHIPPED')).sort()).toEqual([
      '2000000000001',
      '2000000000003',
    ]);
    expect(listed(await page('?claim=RETURN'))).toEqual(['2000000000002']);
    expect(listed(await page('?method=COURIER'))).toEqual(['2000000000003']);
    expect(listed(await page('?review=1'))).toEqual(['2000000000004']);
  });

  it('filters by 시/도, and by 시/군/구 within it', async () => {
    await orders(
      { sido: '서울특별시', sigungu: '중구', items: [{ externalItemNo: '3000000000001' }] },
      { sido: '부산광역시', sigungu: '중구', items: [{ externalItemNo: '3000000000002' }] },
      { sido: '부산광역시', sigungu: '해운대구', items: [{ externalItemNo: '3000000000003' }] },
    );
    expect(listed(await page('?sido=부산광역시')).sort()).toEqual([
      '3000000000002',
      '3000000000003',
    ]);
    const html = await page('?sido=부산광역시&sigungu=중구');
    expect(listed(html)).toEqual(['3000000000002']);
    expect(html).toContain('<option value="해운대구">해운대구</option>');
  });

  it('filters dates by the day each item is filed under, as Seoul calendar days', async () => {
    await orders(
      {
        // Ordered long before, completed on 11-20 in Seoul: filed under its completion.
        orderedAt: day('2026-10-01T01:00:00Z'),
        items: [
          {
            externalItemNo: '4000000000001',
            status: 'COMPLETED',
            completedAt: day('2026-11-20T05:00:00Z'),
          },
        ],
      },
      {
        // Ordered on 11-20 but booked for 11-25: filed under the booked day.
        orderedAt: day('2026-11-20T01:00:00Z'),
        items: [
          {
            externalItemNo: '4000000000002',
            status: 'PREPARING',
            scheduledDate: day('2026-11-25T00:00:00Z'),
          },
        ],
      },
      // 00:00 on 11-20 in Seoul is 15:00 on 11-19 in UTC; one second earlier is still 11-19.
      { orderedAt: day('2026-11-19T15:00:00Z'), items: [{ externalItemNo: '4000000000003' }] },
      { orderedAt: day('2026-11-19T14:59:59Z'), items: [{ externalItemNo: '4000000000004' }] },
    );
    const html = await page('?from=2026-11-20&to=2026-11-20');
    expect(listed(html).sort()).toEqual(['4000000000001', '4000000000003']);
    expect(listed(await page('?from=2026-11-21'))).toEqual(['4000000000002']);
    expect(listed(await page('?to=2026-11-19'))).toEqual(['4000000000004']);
  });

  it('lists a filtered list by 기준일 and an unfiltered one by 주문일시, unless a sort is chosen', async () => {
    await orders(
      {
        orderedAt: day('2026-11-01T01:00:00Z'),
        items: [
          {
            externalItemNo: '4100000000001',
            status: 'PREPARING',
            scheduledDate: day('2026-11-21T00:00:00Z'),
          },
        ],
      },
      { orderedAt: day('2026-11-10T01:00:00Z'), items: [{ externalItemNo: '4100000000002' }] },
    );
    const byLife = ['4100000000001', '4100000000002'];
    const byOrder = ['4100000000002', '4100000000001'];
    const dated = await page('?from=2026-11-01');
    expect(listed(dated)).toEqual(byLife);
    expect(dated).toMatch(/aria-sort="descending"><a[^>]*>기준일/);
    expect(listed(await page('?status=NEW&status=PREPARING'))).toEqual(byLife);
    expect(listed(await page('?from=2026-11-01&sort=-orderedAt'))).toEqual(byOrder);
    const all = await page('');
    expect(listed(all)).toEqual(byOrder);
    expect(all).toMatch(/aria-sort="descending"><a[^>]*>주문일시/);
  });

  it('finds an item by its 상품주문번호 and every item of an order by its 주문번호', async () => {
    await orders(
      {
        externalOrderNo: '2026112011110000',
        items: [{ externalItemNo: '2026112011110001' }, { externalItemNo: '2026112011110002' }],
      },
      { externalOrderNo: '2026112022220000', items: [{ externalItemNo: '2026112022220001' }] },
    );
    expect(listed(await page('?q=2026112011110002'))).toEqual(['2026112011110002']);
    expect(listed(await page('?q=2026112011110000')).sort()).toEqual([
      '2026112011110001',
      '2026112011110002',
    ]);
    expect(listed(await page('?q=2026112099999999'))).toEqual([]);
  });

  it('finds a showroom or partner order by its own number, and falls back to names for any other word', async () => {
    await orders(
      {
        externalOrderNo: 'S-20261124-0001',
        items: [{ externalItemNo: 'S-20261124-0001-1' }, { externalItemNo: 'S-20261124-0001-2' }],
      },
      { externalOrderNo: 'PO-2026-00123', items: [{ externalItemNo: 'PO-2026-00123-A' }] },
      {
        recipientName: 'Kim2',
        items: [{ externalItemNo: '7000000000001', productName: 'K2-라텍스 토퍼' }],
      },
    );
    expect(listed(await page('?q=S-20261124-0001')).sort()).toEqual([
      'S-20261124-0001-1',
      'S-20261124-0001-2',
    ]);
    expect(listed(await page('?q=S-20261124-0001-2'))).toEqual(['S-20261124-0001-2']);
    expect(listed(await page('?q=PO-2026-00123'))).toEqual(['PO-2026-00123-A']);
    expect(listed(await page('?q=K2-라텍'))).toEqual(['7000000000001']);
    expect(listed(await page('?q=Kim2'))).toEqual(['7000000000001']);
    expect(listed(await page('?q=S-20261124-0002'))).toEqual([]);
  });

  it('finds a recipient phone typed with or without dashes, however it was stored', async () => {
    await orders(
      { recipientPhone: '010-2222-3333', items: [{ externalItemNo: '5000000000001' }] },
      { recipientPhone: '01022223333', items: [{ externalItemNo: '5000000000002' }] },
      { recipientPhone: '010-4444-5555', items: [{ externalItemNo: '5000000000003' }] },
    );
    const both = ['5000000000001', '5000000000002'];
    expect(listed(await page('?q=010-2222-3333')).sort()).toEqual(both);
    expect(listed(await page('?q=01022223333')).sort()).toEqual(both);
  });

  it('finds an order by the buyer phone when someone else receives it', async () => {
    await orders({
      recipientPhone: '010-7777-8888',
      buyerPhone: '010-6666-1234',
      items: [{ externalItemNo: '5100000000001' }],
    });
    expect(listed(await page('?q=01066661234'))).toEqual(['5100000000001']);
  });

  it('finds recipient or buyer names and product names by their beginning', async () => {
    await orders(
      { recipientName: '박지훈', items: [{ externalItemNo: '6000000000001' }] },
      {
        recipientName: '최유나',
        buyerName: '박지민',
        items: [{ externalItemNo: '6000000000002' }],
      },
      {
        recipientName: '정하늘',
        items: [{ externalItemNo: '6000000000003', productName: '박달나무 원목 침대' }],
      },
      {
        recipientName: '한소망',
        items: [{ externalItemNo: '6000000000004', productName: '라텍스 경추 베개' }],
      },
    );
    expect(listed(await page('?q=박지')).sort()).toEqual(['6000000000001', '6000000000002']);
    expect(listed(await page('?q=박달'))).toEqual(['6000000000003']);
    expect(listed(await page('?q=라텍스'))).toEqual(['6000000000004']);
    // Only beginnings match, and % or _ are searched as themselves.
    expect(listed(await page('?q=지훈'))).toEqual([]);
    expect(listed(await page('?q=박%'))).toEqual([]);
    const one = await page('?q=박');
    expect(one).toContain('이름이나 상품명은 두 글자 이상 입력하세요.');
    expect(listed(one)).toHaveLength(4);
  });

  it('sorts by a header, toggles the direction on a second click and keeps the filters', async () => {
    await orders({
      items: [
        { externalItemNo: '7000000000001', unitPrice: 300_000 },
        { externalItemNo: '7000000000002', unitPrice: 100_000 },
        { externalItemNo: '7000000000003', unitPrice: 200_000 },
        { externalItemNo: '7000000000004', unitPrice: 900_000, status: 'CANCELLED' },
      ],
    });
    const first = await page('?status=NEW&page=2&size=20');
    const byAmount = linkTo(first, '금액');
    expect(byAmount).toBe('/orders?size=20&sort=-amount&status=NEW');
    const desc = await follow(byAmount);
    expect(listed(desc)).toEqual(['7000000000001', '7000000000003', '7000000000002']);
    expect(desc).toMatch(/aria-sort="descending"><a[^>]*>금액 <span aria-hidden="true">▼/);
    const asc = await follow(linkTo(desc, '금액'));
    expect(listed(asc)).toEqual(['7000000000002', '7000000000003', '7000000000001']);
    expect(asc).toMatch(/금액 <span aria-hidden="true">▲/);
  });

  it('sorts by status in workflow order, then by 기준일', async () => {
    await orders({
      items: [
        {
          externalItemNo: '7100000000001',
          status: 'COMPLETED',
          completedAt: day('2026-11-21T00:00:00Z'),
        },
        { externalItemNo: '7100000000002', status: 'NEW' },
        { externalItemNo: '7100000000003', status: 'PREPARING' },
      ],
    });
    expect(listed(await page('?sort=status'))).toEqual([
      '7100000000002',
      '7100000000003',
      '7100000000001',
    ]);
  });

  it('pages with the filters kept, continuing from the edge of the page in both directions', async () => {
    const items = Array.from({ length: 65 }, (_, i) => ({
      externalItemNo: String(8000000000100 + i),
      unitPrice: 10_000 * (i + 1),
    }));
    await orders({ items }, { items: [{ externalItemNo: '8000000000999', status: 'CANCELLED' }] });
    const expected = items.map((i) => i.externalItemNo).reverse();
    const pageOf = (n: number) => expected.slice((n - 1) * 20, n * 20);
    const one = await page('?status=NEW&size=20&sort=-amount');
    expect(listed(one)).toEqual(pageOf(1));
    expect(one).toContain('총 65건');
    const next = linkTo(one, '다음');
    expect(next).toMatch(/^\/orders\?size=20&sort=-amount&status=NEW&page=2&cursor=[\w-]+$/);
    const two = await follow(next);
    expect(listed(two)).toEqual(pageOf(2));
    // Two pages ahead: after this page's last row, skipping one page.
    const four = await follow(linkTo(two, '4'));
    expect(listed(four)).toEqual(pageOf(4));
    expect(four).toMatch(/<span class="page-link">다음<\/span>/);
    expect(listed(await follow(linkTo(four, '이전')))).toEqual(pageOf(3));
    expect(listed(await follow(linkTo(four, '2')))).toEqual(pageOf(2));
    expect(listed(await follow(linkTo(four, '1')))).toEqual(pageOf(1));
    // A bookmarked page number works without a cursor.
    expect(listed(await page('?status=NEW&size=20&sort=-amount&page=4'))).toEqual(pageOf(4));
  });

  it('shows 20, 50, 100 or 200 rows a page', async () => {
    await orders({
      items: Array.from({ length: 25 }, (_, i) => ({ externalItemNo: String(8100000000000 + i) })),
    });
    expect(listed(await page('?size=20'))).toHaveLength(20);
    expect(listed(await page(''))).toHaveLength(25);
  });

  it('says "10,000건 이상" instead of counting past ten thousand rows', async () => {
    const [order] = await orders({ items: [{ externalItemNo: '9000000000000' }] });
    // Ten thousand copies of that item in one statement (MariaDB's sequence table).
    await app.get(PrismaService).$executeRaw`
      INSERT INTO OrderItem (orderId, channelId, externalItemNo, productName, quantity, unitPrice,
        amount, status, deliveryMethod, orderedAt, lifeDate, updatedAt)
      SELECT orderId, channelId, CONCAT('9', LPAD(seq, 12, '0')), productName, quantity, unitPrice,
        amount, status, deliveryMethod, orderedAt, lifeDate, updatedAt
      FROM OrderItem JOIN seq_1_to_10000 WHERE id = ${order.items[0].id}`;
    const html = await page('?size=200');
    expect(html).toContain('총 10,000건 이상');
    expect(html).toMatch(/>3<\/a>/);
  });

  it('ignores invalid values with a Korean note instead of an error page', async () => {
    await orders({
      items: [
        { externalItemNo: '9100000000001', status: 'NEW' },
        { externalItemNo: '9100000000002', status: 'CANCELLED' },
      ],
    });
    const html = await page(
      '?status=NEW&page=-1&size=33&sort=price&channel=abc&claim=LOST&from=2026-02-30&to=20261130&method=TRUCK&review=yes&sigungu=중구&cursor=zz&color=red',
    );
    expect(listed(html)).toEqual(['9100000000001']);
    for (const note of [
      '페이지 번호가 잘못되었습니다.',
      '한 페이지 건수는 20, 50, 100, 200 중에서 고르세요.',
      '정렬 기준이 잘못되었습니다.',
      '채널 값이 잘못되었습니다.',
      '클레임 값이 잘못되었습니다.',
      '시작일은 없는 날짜입니다: 2026-02-30',
      '종료일은 YYYY-MM-DD 형식으로 입력하세요.',
      '배송방법 값이 잘못되었습니다.',
      '검토 필요 값이 잘못되었습니다.',
      '시/군/구는 시/도와 함께 고르세요.',
      '페이지 위치 정보가 잘못되어 첫 페이지부터 보여 드립니다.',
      '알 수 없는 조건은 무시했습니다: color',
    ])
      expect(html).toContain(note);
  });

  it('notes a reversed date range and an unknown status instead of failing', async () => {
    const html = await page('?from=2026-11-30&to=2026-11-01&status=BOGUS');
    expect(html).toContain('시작일이 종료일보다 늦어 기간 조건을 무시했습니다.');
    expect(html).toContain('주문 상태 값이 잘못되었습니다.');
  });

  it('marks a product or option deleted from the catalog with (삭제됨)', async () => {
    const prisma = app.get(PrismaService);
    const category = await prisma.category.create({ data: { name: '매트리스' } });
    const product = await prisma.product.create({
      data: {
        code: 'MT-OLD',
        name: '구형 매트리스',
        categoryId: category.id,
        price: 500_000,
        deliveryMethod: 'OWN_TEAM',
        deletedAt: new Date(),
      },
    });
    const option = await prisma.productOption.create({
      data: { productId: product.id, name: '사이즈: SS', deletedAt: new Date() },
    });
    await orders({
      items: [
        {
          productId: product.id,
          optionId: option.id,
          productName: '구형 매트리스',
          optionName: '사이즈: SS',
        },
      ],
    });
    const html = await page('');
    expect(html).toContain('구형 매트리스 (삭제됨)');
    expect(html).toContain('사이즈: SS (삭제됨)');
  });

  it('is for clerks and admins; the delivery team is refused', async () => {
    const admin = await logIn(app.getHttpServer(), 'admin');
    expect((await admin.get('/orders')).status).toBe(200);
    const driver = await logIn(app.getHttpServer(), 'driver');
    expect((await driver.get('/orders')).status).toBe(403);
    expect((await driver.get('/orders/export.xlsx')).status).toBe(403);
  });
});
