import type { NestExpressApplication } from '@nestjs/platform-express';
import { PrismaService } from '../../src/database/prisma.service';
import { PostalRegionService } from '../../src/postal-region/postal-region.service';
import { createStaff } from '../support/factories';
import { Agent, csrfFrom, logIn } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';

describe('postal regions for admins', () => {
  let app: NestExpressApplication;
  let admin: Agent;
  let other: NestExpressApplication | undefined;

  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(async () => {
    await resetState(app);
    await createStaff(app);
    admin = await logIn(app.getHttpServer(), 'admin');
  });
  afterAll(async () => {
    await other?.close();
    await app.close();
  });

  async function post(path: string, form: Record<string, string>) {
    const token = csrfFrom((await admin.get('/admin/regions')).text);
    return admin
      .post(path)
      .type('form')
      .send({ _csrf: token, ...form });
  }

  it('looks up a code and shows how it was decided', async () => {
    const res = await admin.get('/admin/regions').query({ postalCode: '39000' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('대구광역시');
    expect(res.text).toContain('군위군');
  });

  it('falls back to the address for an old 6-digit code', async () => {
    const res = await admin
      .get('/admin/regions')
      .query({ postalCode: '463-400', address: '경기도 성남시 분당구 판교역로 235' });
    expect(res.text).toContain('경기도');
    expect(res.text).toContain('성남시');
    expect(res.text).toMatch(/data-testid="region-source">주소</);
  });

  it('lets an admin override a code; the override wins on every instance and is audited', async () => {
    // Kept open to the end: passport registers strategies process-wide, so the newest app's
    // login strategy serves both apps in this test process.
    other = await createTestApp();
    {
      const otherService = other.get(PostalRegionService);
      expect((await otherService.classify({ postalCode: '16514' })).sigungu).toBe('수원시');
      const res = await post('/admin/regions/overrides', {
        postalCode: '16514',
        sido: '경기도',
        sigungu: '용인시',
        gu: '',
        reason: '신축 단지 주소 정정',
      });
      expect(res.status).toBe(302);
      const decided = await otherService.classify({ postalCode: '16514' });
      expect(decided).toMatchObject({ sido: '경기도', sigungu: '용인시', source: 'override' });
      const audit = await app
        .get(PrismaService)
        .auditLog.findFirstOrThrow({ where: { action: 'POSTAL_OVERRIDE_SET' } });
      expect(audit.detail).toMatchObject({
        reason: '신축 단지 주소 정정',
        after: { sigungu: '용인시' },
      });
    }
  });

  it('refuses an override naming a district that does not exist, keeping the input', async () => {
    const res = await post('/admin/regions/overrides', {
      postalCode: '16514',
      sido: '경기도',
      sigungu: '해운대구',
      reason: '테스트',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('경기도에 없는 시/군/구입니다.');
    expect(res.text).toContain('value="해운대구"');
    expect(await app.get(PrismaService).postalOverride.count()).toBe(0);
  });

  it('removes an override with a reason, and the tables decide again', async () => {
    await post('/admin/regions/overrides', {
      postalCode: '43100',
      sido: '경상북도',
      sigungu: '의성군',
      reason: '잘못 지정',
    });
    const { id } = await app.get(PrismaService).postalOverride.findFirstOrThrow();
    const noReason = await post(`/admin/regions/overrides/${id}/delete`, { reason: '' });
    expect(noReason.status).toBe(422);
    const res = await post(`/admin/regions/overrides/${id}/delete`, {
      reason: '군위군은 대구로 편입',
    });
    expect(res.status).toBe(302);
    expect(await app.get(PostalRegionService).classify({ postalCode: '43100' })).toMatchObject({
      sido: '대구광역시',
      sigungu: '군위군',
    });
    expect(
      await app.get(PrismaService).auditLog.count({ where: { action: 'POSTAL_OVERRIDE_REMOVED' } }),
    ).toBe(1);
  });

  it('is for admins only', async () => {
    const clerk = await logIn(app.getHttpServer(), 'clerk');
    expect((await clerk.get('/admin/regions')).status).toBe(403);
  });
});

describe('the region command line', () => {
  it('prints the decision as one JSON line', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { join } = await import('node:path');
    const cli = join(__dirname, '..', '..', 'src', 'cli.ts');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', cli, 'region', '39012'],
      { env: process.env },
    );
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ sido: '대구광역시', sigungu: '군위군' });
  });
});
