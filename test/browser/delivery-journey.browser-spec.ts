import { existsSync } from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser } from 'playwright-core';
import { PrismaService } from '../../src/database/prisma.service';
import { RunsService } from '../../src/delivery-bundling/runs.service';
import { IntakePipeline } from '../../src/orders/intake/intake.pipeline';
import { OrderStatusService } from '../../src/orders/order-status.service';
import { showroomHeaderOf } from '../../src/orders/showroom-order';
import { formatDate } from '../../src/shared/views/formatting';
import { createStaff, TEST_PASSWORD } from '../support/factories';
import { createTestApp, resetState } from '../support/test-app';
import { launchBrowser, listen, screenshotPath } from './browser';

describe('a driver on a phone', () => {
  let app: NestExpressApplication;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    app = await createTestApp();
    await resetState(app);
    const { clerk, driver } = await createStaff(app);
    await todaysStop(app, clerk.id);
    await todaysRun(app, driver.id);
    baseUrl = await listen(app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("leaves with today's run, opens the stop's district, calls up the stop and marks it delivered", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('아이디').fill('driver');
    await page.getByLabel('비밀번호').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/delivery`);
    await expect(page.getByTestId('day-total').textContent()).resolves.toContain('1곳');
    await expect(page.getByTestId('run-stop').textContent()).resolves.toContain('김민준');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '출발' }).click();
    await page.waitForLoadState();
    await expect(page.getByText('출발했습니다.').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('run-state').textContent()).resolves.toContain('출발 ');
    await page.getByTestId('district-link').filter({ hasText: '강남구' }).click();
    const card = page.getByTestId('bundle');
    await expect(
      card.getByRole('link', { name: '전화 010-1234-5678' }).getAttribute('href'),
    ).resolves.toBe('tel:01012345678');
    await card.getByRole('button', { name: '배송완료' }).click();
    await page.waitForLoadState();
    await expect(page.getByText('배송완료로 기록했습니다.').isVisible()).resolves.toBe(true);
    await expect(card.getByTestId('bundle-status').textContent()).resolves.toBe('배송완료');
    const shot = screenshotPath('delivery-phone-delivered');
    await page.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).toBe(true);
    const items = await app.get(PrismaService).orderItem.findMany();
    expect(items.map((i) => i.status)).toEqual(['DELIVERED', 'DELIVERED']);
    await context.close();
  });
});

// The clerk plans the driver's run for today with every stop due today.
async function todaysRun(app: NestExpressApplication, driverId: number) {
  const runs = app.get(RunsService);
  const date = formatDate(new Date());
  const run = await runs.create({ date, driverId, name: '1호차' });
  const due = await app.get(PrismaService).deliveryBundle.findMany({
    where: { scheduledDate: new Date(`${date}T00:00:00Z`) },
  });
  await runs.addStops(
    run.id,
    due.map((b) => b.id),
  );
}

// One showroom order for today with two items ready to go.
async function todaysStop(app: NestExpressApplication, clerkId: number) {
  const prisma = app.get(PrismaService);
  const channel = await prisma.channel.create({
    data: { code: 'showroom', name: '자체 매장', kind: 'SHOWROOM' },
  });
  const base = {
    externalOrderNo: 'S-1',
    orderedAt: '2026-11-24 10:00:00',
    recipientName: '김민준',
    recipientPhone: '010-1234-5678',
    postalCode: '06236',
    address: '서울특별시 강남구 테헤란로 152',
    addressDetail: '101동 1203호',
    quantity: '1',
    unitPrice: '890000',
    requestedDate: formatDate(new Date()),
    memo: '오후에 연락 주세요',
  };
  await app.get(IntakePipeline).run({
    channel,
    rows: (async function* () {
      yield { rowNumber: 1, raw: { ...base, externalItemNo: 'S-1-1', productName: '모션베드 M1' } };
      yield {
        rowNumber: 2,
        raw: {
          ...base,
          externalItemNo: 'S-1-2',
          productName: '라텍스 베개',
          optionText: '높이: 높음',
        },
      };
    })(),
    headerOf: showroomHeaderOf,
    source: 'FORM',
    actorId: clerkId,
    commit: true,
  });
  const status = app.get(OrderStatusService);
  for (const item of await prisma.orderItem.findMany()) {
    let version = item.version;
    for (const to of ['CONFIRMED', 'PREPARING'] as const) {
      await status.change({
        orderId: item.orderId,
        itemId: item.id,
        to,
        version,
        actorId: clerkId,
      });
      version += 1;
    }
  }
}
