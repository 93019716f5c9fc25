import { existsSync } from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser } from 'playwright-core';
import { createStaff, TEST_PASSWORD } from '../support/factories';
import { createTestApp, resetState } from '../support/test-app';
import { launchBrowser, listen, screenshotPath } from './browser';

describe('a member of staff in a real browser', () => {
  let app: NestExpressApplication;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    app = await createTestApp();
    await resetState(app);
    await createStaff(app);
    baseUrl = await listen(app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('logs in, sees the dashboard for their role, and logs out', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('아이디').fill('admin');
    await page.getByLabel('비밀번호').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await expect(page.getByTestId('role').textContent()).resolves.toContain(
      '관리자 권한으로 로그인했습니다.',
    );
    await page.getByRole('button', { name: '관리', exact: true }).click();
    await expect(
      page.locator('.dropdown-menu').getByRole('link', { name: '사용자 관리' }).isVisible(),
    ).resolves.toBe(true);
    const shot = screenshotPath('login-dashboard');
    await page.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).toBe(true);

    await page.getByRole('button', { name: '로그아웃' }).click();
    await page.waitForURL(/\/login\?loggedOut=1/);
    await expect(page.getByText('로그아웃했습니다.').isVisible()).resolves.toBe(true);
    await page.goto(`${baseUrl}/admin/users`);
    await page.waitForURL(/\/login/);
    await page.close();
  });

  it('shows a driver on a phone the collapsed menu and no admin pages', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('아이디').fill('driver');
    await page.getByLabel('비밀번호').fill('wrong-password-1');
    await page.getByRole('button', { name: '로그인' }).click();
    await expect(page.getByTestId('form-error').textContent()).resolves.toContain(
      '아이디 또는 비밀번호가 올바르지 않습니다.',
    );
    await expect(page.getByLabel('아이디').inputValue()).resolves.toBe('driver');

    await page.getByLabel('비밀번호').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await expect(page.getByRole('button', { name: '로그아웃' }).isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: '메뉴 열기' }).tap();
    await page.locator('#mainNav.show').waitFor({ state: 'visible' });
    await page.getByRole('button', { name: '로그아웃' }).waitFor({ state: 'visible' });
    await expect(page.getByRole('link', { name: '사용자 관리' }).count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath('driver-phone-menu'), fullPage: true });
    await context.close();
  });
});
