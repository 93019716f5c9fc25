import ExcelJS from 'exceljs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, Page } from 'playwright-core';
import type { RawOrderRow } from '../../src/channels/import-fields';
import { PrismaService } from '../../src/database/prisma.service';
import { buildTrackingXlsx } from '../fixtures/tracking-file';
import { createStaff, TEST_PASSWORD } from '../support/factories';
import { intakeRows } from '../support/intake-rows';
import { createOrders } from '../support/order-factory';
import { createTestApp, resetState } from '../support/test-app';
import { launchBrowser, listen, screenshotPath } from './browser';

describe('a clerk sending the day out of the door', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
    await resetState(app);
    await createStaff(app);
    baseUrl = await listen(app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function logInAsClerk(page: Page) {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('아이디').fill('clerk');
    await page.getByLabel('비밀번호').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.waitForURL(`${baseUrl}/`);
  }

  it('merges two stops of one household, uploads tracking numbers and downloads the SmartStore dispatch file', async () => {
    const order = (no: string, address: string): RawOrderRow => ({
      externalOrderNo: `S-${no}`,
      externalItemNo: `S-${no}-1`,
      orderedAt: '2026-11-24 10:00:00',
      recipientName: '정하늘',
      recipientPhone: '010-5555-1234',
      postalCode: '06236',
      address,
      productName: '모션베드 M1',
      optionText: '퀸 / 그레이',
      quantity: '1',
      unitPrice: '890000',
      requestedDate: '2026-12-01',
    });
    await intakeRows(app, [
      order('1', '서울특별시 강남구 테헤란로 152'),
      order('2', '서울 강남구 테헤란로 152 1층'),
    ]);
    await createOrders(app, [
      {
        externalOrderNo: 'SS-1',
        items: [
          { externalItemNo: '2026112088880001', status: 'PREPARING', deliveryMethod: 'COURIER' },
        ],
      },
    ]);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logInAsClerk(page);
    await page.locator('[data-queue="MERGE_CANDIDATE"]').click();
    await page.waitForURL(/\/delivery\/bundles/);
    await page
      .getByRole('button', { name: /합치기$/ })
      .first()
      .click();
    await page.getByText(/에 합쳤습니다\./).waitFor();
    await page.screenshot({ path: screenshotPath('bundle-desk-merged'), fullPage: true });
    const stops = await prisma.deliveryBundle.findMany({
      where: { status: 'OPEN' },
      include: { items: true },
    });
    expect(stops.map((b) => b.items.length)).toEqual([2]);

    await page.getByRole('button', { name: '출고', exact: true }).click();
    await page.locator('.dropdown-menu').getByRole('link', { name: '출고 처리' }).click();
    await page.getByRole('link', { name: '송장 업로드' }).click();
    await page.getByLabel('송장 파일 (.xlsx, .csv)').setInputFiles({
      name: '송장.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await buildTrackingXlsx({
        banner: 'CJ대한통운 출력 자료',
        headers: ['상품주문번호', '택배사', '송장번호'],
        rows: [['2026112088880001', 'CJ대한통운', '601234567890']],
      }),
    });
    await page.getByRole('button', { name: '발송 처리' }).click();
    await page.getByTestId('tracking-result').waitFor();
    await expect(page.getByTestId('count-shipped').textContent()).resolves.toBe('1');
    await page.screenshot({ path: screenshotPath('tracking-result'), fullPage: true });

    await page.goto(`${baseUrl}/fulfillment/dispatch`);
    await page.getByLabel('시작일').fill('2026-11-20');
    await page.getByLabel('종료일').fill('2026-11-20');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '엑셀 내려받기' }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await streamToBuffer(await download.createReadStream())) as never);
    const rows = book.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['상품주문번호', '배송방법', '택배사', '송장번호'],
      ['2026112088880001', '택배,등기,소포', 'CJ대한통운', '601234567890'],
    ]);
  });
});

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
