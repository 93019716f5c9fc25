import type { NestExpressApplication } from '@nestjs/platform-express';
import ExcelJS from 'exceljs';
import { ChannelsService } from '../../src/channels/channels.service';
import { PARTNER_LAYOUT } from '../../src/channels/default-layouts';
import { PrismaService } from '../../src/database/prisma.service';
import { openOrderFile } from '../../src/orders/intake/order-file';
import { inspectUpload } from '../../src/shared/excel/upload-guard';
import { buildPartnerCsv } from '../fixtures/partner-file';
import { buildSmartStoreOrderFile } from '../fixtures/smartstore-file';
import { createStaff } from '../support/factories';
import { Agent, csrfFrom, logIn } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';

// A partner whose sheet renamed and reordered the columns PARTNER_LAYOUT knows.
const SLEEPMALL_HEADERS = [
  'No',
  '발주일자',
  '발주번호',
  '라인',
  '상품명',
  '옵션',
  '수량',
  '수령자',
  '수령자 휴대폰',
  '우편번호',
  '배송주소',
  '상세주소',
  '판매가',
  '배송메모',
];
const SLEEPMALL_PICKS = {
  orderedAt: '발주일자',
  externalOrderNo: '발주번호',
  externalItemNo: '라인',
  recipientName: '수령자',
  recipientPhone: '수령자 휴대폰',
  address: '배송주소',
  unitPrice: '판매가',
};

function sleepmallRow(n: number): Record<string, string | number> {
  return {
    No: n,
    발주일자: '2026-11-02',
    발주번호: `SM-${1000 + n}`,
    라인: 1,
    상품명: '라텍스 매트리스',
    옵션: '사이즈: Q',
    수량: n,
    수령자: `수령자${n}`,
    '수령자 휴대폰': `010-1234-${String(5000 + n)}`,
    우편번호: '06236',
    배송주소: '서울특별시 강남구 테헤란로 152',
    상세주소: `${n}01호`,
    판매가: 890000,
    배송메모: '부재 시 경비실',
  };
}

async function xlsxFile(headers: string[], rows: number[], banner?: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('발주서');
  if (banner) sheet.addRow([banner]);
  sheet.addRow(headers);
  for (const n of rows) {
    const row = sleepmallRow(n);
    sheet.addRow(headers.map((h) => row[h]));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const unescape = (html: string) =>
  html
    .replaceAll('&quot;', '"')
    .replaceAll('&#x27;', "'")
    .replaceAll('&#x3D;', '=')
    .replaceAll('&#x60;', '`')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

// What a browser would submit from the sample page: the hidden headers and each select's value.
function mappingFormOf(html: string) {
  const headers = [...html.matchAll(/<input type="hidden" name="headers" value="([^"]*)">/g)].map(
    (m) => unescape(m[1]),
  );
  const picks: Record<string, string> = {};
  for (const [, field, options] of html.matchAll(
    /<select[^>]*name="picks\[(\w+)\]"[^>]*>([\s\S]*?)<\/select>/g,
  )) {
    picks[field] = unescape(/<option value="([^"]*)" selected>/.exec(options)?.[1] ?? '');
  }
  return { headers, picks };
}

function formBody(csrf: string, fields: Array<[string, string]>): string {
  return new URLSearchParams([['_csrf', csrf], ...fields]).toString();
}

describe('channel administration', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let admin: Agent;
  let smartstoreId: number;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(async () => {
    await resetState(app);
    await createStaff(app);
    smartstoreId = (
      await prisma.channel.create({
        data: { code: 'smartstore', name: '네이버 스마트스토어', kind: 'SMARTSTORE' },
      })
    ).id;
    await prisma.channel.create({
      data: { code: 'showroom', name: '자체 매장', kind: 'SHOWROOM' },
    });
    admin = await logIn(app.getHttpServer(), 'admin');
  });
  afterAll(() => app.close());

  async function post(path: string, fields: Array<[string, string]> | Record<string, string>) {
    const csrf = csrfFrom((await admin.get('/')).text);
    const list = Array.isArray(fields) ? fields : Object.entries(fields);
    return admin.post(path).type('form').send(formBody(csrf, list));
  }

  async function addPartner(code: string, name: string) {
    const res = await post('/admin/channels', { code, name });
    expect(res.status).toBe(302);
    return prisma.channel.findUniqueOrThrow({ where: { code } });
  }

  async function uploadSample(
    channelId: number,
    bytes: Buffer,
    fileName: string,
    options: { password?: string; agent?: Agent; csrf?: boolean } = {},
  ) {
    const agent = options.agent ?? admin;
    let req = agent.post(`/admin/channels/${channelId}/layout/sample`);
    if (options.csrf !== false)
      req = req.set('x-csrf-token', csrfFrom((await agent.get('/')).text));
    if (options.password) req = req.field('password', options.password);
    return req.attach('file', bytes, fileName);
  }

  function submitMapping(channelId: number, form: ReturnType<typeof mappingFormOf>) {
    return post(`/admin/channels/${channelId}/layout/mapping`, [
      ...form.headers.map((h): [string, string] => ['headers', h]),
      ...Object.entries(form.picks).map(([f, v]): [string, string] => [`picks[${f}]`, v]),
    ]);
  }

  async function importedRows(channelId: number, bytes: Buffer, fileName: string) {
    const channels = app.get(ChannelsService);
    const layout = await channels.layoutFor(await channels.findById(channelId));
    const file = await openOrderFile({
      workbook: await inspectUpload({ bytes, fileName }),
      layout,
    });
    const rows = [];
    for await (const row of file.rows) rows.push(row.raw);
    return rows;
  }

  describe('the channel list', () => {
    it('lists every channel with its kind, state and layout', async () => {
      await addPartner('hanbit', '한빛가구');
      const res = await admin.get('/admin/channels');
      expect(res.status).toBe(200);
      for (const text of ['네이버 스마트스토어', '스마트스토어', '자체 매장', '한빛가구', '협력사'])
        expect(res.text).toContain(text);
      expect(res.text).toContain(`href="/admin/channels/${smartstoreId}/layout">기본 양식</a>`);
    });

    it('adds a partner channel, and the addition is audited', async () => {
      const channel = await addPartner('sleep-mall2', '슬립몰');
      expect(channel).toMatchObject({ kind: 'PARTNER', name: '슬립몰', active: true });
      expect((await admin.get('/admin/channels')).text).toContain(
        '협력사 채널 &#x27;슬립몰&#x27;을(를) 추가했습니다.',
      );
      const entry = await prisma.auditLog.findFirstOrThrow({
        where: { action: 'CHANNEL_CREATED' },
      });
      expect(entry).toMatchObject({ targetType: 'Channel', targetId: String(channel.id) });
    });

    it('refuses a code that is taken or malformed beside the field, keeping the input', async () => {
      const taken = await post('/admin/channels', { code: 'smartstore', name: '가짜 스토어' });
      expect(taken.status).toBe(422);
      expect(taken.text).toContain('이미 사용 중인 코드입니다.');
      expect(taken.text).toContain('value="가짜 스토어"');
      const malformed = await post('/admin/channels', { code: 'Sleep Mall', name: '슬립몰' });
      expect(malformed.status).toBe(422);
      expect(malformed.text).toContain('코드는 영문 소문자, 숫자, -(하이픈)로 2~30자');
      expect(await prisma.channel.count()).toBe(2);
    });

    it('deactivates a partner so imports no longer offer it, and can bring it back', async () => {
      const partner = await addPartner('hanbit', '한빛가구');
      const off = await post(`/admin/channels/${partner.id}/active`, { active: 'false' });
      expect(off.status).toBe(302);
      expect((await app.get(ChannelsService).list()).map((c) => c.code)).not.toContain('hanbit');
      await post(`/admin/channels/${partner.id}/active`, { active: 'true' });
      expect((await app.get(ChannelsService).list()).map((c) => c.code)).toContain('hanbit');
      const actions = await prisma.auditLog.findMany({
        where: { targetType: 'Channel', targetId: String(partner.id) },
        orderBy: { id: 'asc' },
      });
      expect(actions.map((a) => a.action)).toEqual([
        'CHANNEL_CREATED',
        'CHANNEL_DEACTIVATED',
        'CHANNEL_ACTIVATED',
      ]);
    });

    it('never deactivates SmartStore or the showroom', async () => {
      const res = await post(`/admin/channels/${smartstoreId}/active`, { active: 'false' });
      expect(res.status).toBe(409);
      expect(res.text).toContain('스마트스토어와 자체 매장 채널은 비활성화할 수 없습니다.');
      expect((await prisma.channel.findUniqueOrThrow({ where: { id: smartstoreId } })).active).toBe(
        true,
      );
    });
  });

  describe('editing a layout by hand', () => {
    const aliasFields = (overrides: Record<string, string>) =>
      Object.entries({
        ...Object.fromEntries(Object.entries(PARTNER_LAYOUT).map(([f, a]) => [f, a.join(', ')])),
        ...overrides,
      }).map(([field, text]): [string, string] => [`aliases[${field}]`, text]);

    it('shows the built-in layout with required marks while the channel has none of its own', async () => {
      const partner = await addPartner('hanbit', '한빛가구');
      const res = await admin.get(`/admin/channels/${partner.id}/layout`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('아직 전용 양식이 없어 기본 양식을 보여 줍니다.');
      expect(res.text).toContain('value="품목번호, 주문상세번호, 상품주문번호"');
      expect(res.text).toMatch(/상품주문번호<\/label> <span class="text-danger" title="필수">/);
    });

    it('saves aliases trimmed and without duplicates, and audits the new layout', async () => {
      const partner = await addPartner('hanbit', '한빛가구');
      const page = `/admin/channels/${partner.id}/layout`;
      const res = await post(
        page,
        aliasFields({ externalOrderNo: ' 발주번호 , 주문번호,발주 번호, ' }),
      );
      expect(res.status).toBe(302);
      const layout = await app.get(ChannelsService).layoutFor(partner);
      expect(layout.externalOrderNo).toEqual(['발주번호', '주문번호']);
      expect((await admin.get(page)).text).toContain('이 채널 전용 양식입니다.');
      expect((await admin.get('/admin/channels')).text).toContain('전용 양식</a>');
      const entry = await prisma.auditLog.findFirstOrThrow({
        where: { action: 'CHANNEL_LAYOUT_SAVED' },
      });
      expect(entry.detail).toMatchObject({ code: 'hanbit', source: 'aliases' });
    });

    it('refuses a required field without aliases or an overlong alias, keeping what was typed', async () => {
      const partner = await addPartner('hanbit', '한빛가구');
      const res = await post(
        `/admin/channels/${partner.id}/layout`,
        aliasFields({ quantity: ' , ', memo: `비고, ${'메'.repeat(101)}` }),
      );
      expect(res.status).toBe(422);
      expect(res.text).toContain('필수 항목입니다. 제목을 하나 이상 입력하세요.');
      expect(res.text).toContain('제목은 하나에 100자 이내로 입력하세요.');
      expect(res.text).toContain('value=" , "');
      expect(await prisma.importProfile.count()).toBe(0);
    });
  });

  describe('building a layout from a sample file', () => {
    it('reads a CP949 partner CSV and preselects the columns it already knows', async () => {
      const partner = await addPartner('hanbit', '한빛가구');
      const res = await uploadSample(
        partner.id,
        buildPartnerCsv({ rows: 7, encoding: 'cp949' }),
        '한빛가구_주문.csv',
      );
      expect(res.status).toBe(200);
      expect(res.text).toContain('배송희망일');
      // The first five data rows are shown, not the rest.
      expect(res.text).toContain('HB-20261101-0001');
      expect(res.text).toContain('HB-20261103-0003');
      expect(res.text).not.toContain('HB-20261104-0004');
      const form = mappingFormOf(res.text);
      expect(form.headers).toHaveLength(15);
      expect(form.picks).toMatchObject({
        externalItemNo: '품목번호',
        externalOrderNo: '주문번호',
        orderedAt: '주문일',
        recipientName: '고객명',
        address: '주소',
        requestedDate: '배송희망일',
        status: '',
      });

      expect((await submitMapping(partner.id, form)).status).toBe(302);
      const rows = await importedRows(
        partner.id,
        buildPartnerCsv({ rows: 4, encoding: 'cp949', seed: 11 }),
        '다음주문.csv',
      );
      expect(rows).toHaveLength(4);
      expect(rows[0].externalOrderNo).toBe('HB-20261101-0001');
      expect(rows[0].recipientName).toMatch(/^[가-힣]{2,4}$/);
    });

    it('learns renamed and moved columns from an xlsx, and the next file imports with them', async () => {
      const partner = await addPartner('sleepmall', '슬립몰');
      const sample = await xlsxFile(SLEEPMALL_HEADERS, [1, 2, 3, 4, 5, 6], '슬립몰 발주서');
      const res = await uploadSample(partner.id, sample, '발주서.xlsx');
      expect(res.status).toBe(200);
      expect(res.text).toContain('SM-1001');
      const detected = mappingFormOf(res.text);
      expect(detected.picks).toMatchObject({ productName: '상품명', quantity: '수량' });
      expect(detected.picks.externalOrderNo).toBe('');

      const refused = await submitMapping(partner.id, detected);
      expect(refused.status).toBe(422);
      expect(refused.text.match(/필수 항목입니다. 이 값이 들어 있는 열을 고르세요./g)).toHaveLength(
        6,
      );
      expect(mappingFormOf(refused.text)).toEqual(detected);

      const saved = await submitMapping(partner.id, {
        ...detected,
        picks: { ...detected.picks, ...SLEEPMALL_PICKS },
      });
      expect(saved.status).toBe(302);
      expect(saved.headers.location).toBe(`/admin/channels/${partner.id}/layout`);
      const layout = await app.get(ChannelsService).layoutFor(partner);
      expect(layout.externalOrderNo).toEqual(['발주번호', '주문번호']);
      expect(layout.recipientName).toEqual(['수령자', '고객명', '수령인', '수취인명']);

      const reordered = [...SLEEPMALL_HEADERS].reverse();
      const rows = await importedRows(partner.id, await xlsxFile(reordered, [7, 8]), '다음.xlsx');
      expect(rows).toEqual([
        expect.objectContaining({
          externalOrderNo: 'SM-1007',
          externalItemNo: '1',
          orderedAt: '2026-11-02',
          recipientName: '수령자7',
          recipientPhone: '010-1234-5007',
          address: '서울특별시 강남구 테헤란로 152',
          quantity: '7',
          unitPrice: '890000',
        }),
        expect.objectContaining({ externalOrderNo: 'SM-1008', addressDetail: '801호' }),
      ]);
      // The earlier aliases stay, so the partner's older sheets still import.
      const older = await importedRows(
        partner.id,
        buildPartnerCsv({ rows: 2, encoding: 'utf8' }),
        '예전.csv',
      );
      expect(older[0].externalOrderNo).toBe('HB-20261101-0001');
    });

    it('opens a password-protected download with the password typed', async () => {
      const file = await buildSmartStoreOrderFile({ rows: 3, password: 'pw-1234' });
      const locked = await uploadSample(smartstoreId, file, '주문.xlsx');
      expect(locked.status).toBe(422);
      expect(locked.text).toContain('암호가 걸린 파일입니다. 암호를 입력하세요.');
      const opened = await uploadSample(smartstoreId, file, '주문.xlsx', { password: 'pw-1234' });
      expect(opened.status).toBe(200);
      expect(mappingFormOf(opened.text).picks.externalItemNo).toBe('상품주문번호');
    });

    it('asks for a file when none was chosen', async () => {
      const csrf = csrfFrom((await admin.get('/')).text);
      const res = await admin
        .post(`/admin/channels/${smartstoreId}/layout/sample`)
        .set('x-csrf-token', csrf)
        .field('password', '');
      expect(res.status).toBe(422);
      expect(res.text).toContain('샘플 파일을 선택하세요.');
    });
  });

  describe('access', () => {
    it('is for admins only: a clerk gets 403 on every page and upload', async () => {
      const clerk = await logIn(app.getHttpServer(), 'clerk');
      expect((await clerk.get('/admin/channels')).status).toBe(403);
      expect((await clerk.get(`/admin/channels/${smartstoreId}/layout`)).status).toBe(403);
      const upload = await uploadSample(
        smartstoreId,
        buildPartnerCsv({ rows: 1, encoding: 'utf8' }),
        'a.csv',
        {
          agent: clerk,
        },
      );
      expect(upload.status).toBe(403);
      expect(await prisma.importProfile.count()).toBe(0);
    });

    it('refuses an upload without the CSRF token in its header', async () => {
      const res = await uploadSample(
        smartstoreId,
        buildPartnerCsv({ rows: 1, encoding: 'utf8' }),
        'a.csv',
        { csrf: false },
      );
      expect(res.status).toBe(403);
      expect(res.text).toContain('보안 토큰');
    });
  });
});
