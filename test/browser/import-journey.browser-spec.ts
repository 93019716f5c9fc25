import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser } from 'playwright-core';
import { PrismaService } from '../../src/database/prisma.service';
import { seedDemo } from '../../src/seed/demo-seed';
import { PasswordHasher } from '../../src/users/password-hasher';
import { buildSmartStoreOrderFile } from '../fixtures/smartstore-file';
import { createTestApp, resetState } from '../support/test-app';
import { launchBrowser, listen, screenshotPath } from './browser';

describe('a clerk bringing in a SmartStore download', () => {
  let app: NestExpressApplication;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    app = await createTestApp();
    await resetState(app);
    await seedDemo(app.get(PrismaService), app.get(PasswordHasher), 'demo-pass-1234');
    baseUrl = await listen(app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('uploads the file, checks the preview, commits, finds an order and moves it forward', async () => {
    const itemNo = '2026112477770001';
    const file = await buildSmartStoreOrderFile({
      rows: [
        {
          상품주문번호: itemNo,
          주문상태: '결제완료',
          주문세부상태: '신규주문',
          수취인명: '한지민',
        },
        {},
        {},
        {},
        {},
      ],
    });
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('아이디').fill('clerk');
    await page.getByLabel('비밀번호').fill('demo-pass-1234');
    await page.getByRole('button', { name: '로그인' }).click();
    await page.waitForURL(`${baseUrl}/`);

    await page.getByRole('button', { name: '주문', exact: true }).click();
    await page.locator('.dropdown-menu').getByRole('link', { name: '주문 가져오기' }).click();
    await page.getByLabel('채널').selectOption({ label: '네이버 스마트스토어' });
    await page.getByLabel('주문 파일 (.xlsx, .csv)').setInputFiles({
      name: '스마트스토어_주문.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByRole('button', { name: '미리보기' }).click();

    await page.waitForURL(/\/imports\/\d+$/);
    await expect(page.getByTestId('created').textContent()).resolves.toBe('5');
    await expect(page.getByText('아직 아무것도 반영하지 않았습니다').isVisible()).resolves.toBe(
      true,
    );
    await page.screenshot({ path: screenshotPath('import-preview'), fullPage: true });
    expect(await app.get(PrismaService).orderItem.count()).toBe(0);

    await page.getByRole('button', { name: /반영하기/ }).click();
    await page.getByText('반영했습니다.').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('import-status').textContent()).resolves.toBe('반영 완료');

    await page.goto(`${baseUrl}/orders`);
    await page.getByLabel('검색').fill(itemNo);
    await page.getByLabel('검색').press('Enter');
    await page.waitForURL(/q=2026112477770001/);
    await page.getByRole('link', { name: /2026/ }).first().click();
    await page.waitForURL(/\/orders\/\d+$/);
    await expect(page.getByText('한지민').first().isVisible()).resolves.toBe(true);

    await page.getByLabel('바꿀 상태').first().selectOption({ label: '발주확인' });
    await page.getByRole('button', { name: '변경' }).first().click();
    await page.waitForURL(/\/orders\/\d+$/);
    await expect(page.getByTestId('status').first().textContent()).resolves.toBe('발주확인');
    await page.screenshot({ path: screenshotPath('order-detail-after-status'), fullPage: true });
    const item = await app
      .get(PrismaService)
      .orderItem.findFirstOrThrow({ where: { externalItemNo: itemNo } });
    expect(item.status).toBe('CONFIRMED');
    await page.close();
  });
});
