import type { NestExpressApplication } from '@nestjs/platform-express';
import Redis from 'ioredis';
import type { RawOrderRow } from '../../src/channels/import-fields';
import { PrismaService } from '../../src/database/prisma.service';
import { BundleAutoCloseJob } from '../../src/delivery-bundling/bundle-auto-close.job';
import { BundlesService } from '../../src/delivery-bundling/bundles.service';
import type { ChannelKind } from '../../src/generated/prisma/enums';
import { REDIS } from '../../src/redis/redis.provider';
import { createStaff } from '../support/factories';
import { intakeRows, orderRows } from '../support/intake-rows';
import { Agent, csrfFrom, logIn } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';

const HOUR = 3_600_000;

describe('a clerk corrects delivery bundles: merge, split, reopen, auto-close', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let clerk: Agent;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(async () => {
    await resetState(app);
    await createStaff(app);
    clerk = await logIn(app.getHttpServer(), 'clerk');
  });
  afterAll(() => app.close());

  const intake = (code: string, kind: ChannelKind, rows: RawOrderRow[]) =>
    intakeRows(app, rows, { code, kind, source: 'EXCEL' });

  const row = orderRows();

  const bundleOf = async (externalItemNo: string) => {
    const item = await prisma.orderItem.findFirstOrThrow({ where: { externalItemNo } });
    return prisma.deliveryBundle.findUniqueOrThrow({
      where: { id: item.bundleId! },
      include: { items: { orderBy: { id: 'asc' } } },
    });
  };
  const itemNos = (bundle: { items: Array<{ externalItemNo: string }> }) =>
    bundle.items.map((i) => i.externalItemNo).sort();

  const snapshot = async () => ({
    bundles: await prisma.deliveryBundle.findMany({
      orderBy: { id: 'asc' },
      omit: { updatedAt: true, lastActivityAt: true, createdAt: true },
    }),
    items: await prisma.orderItem.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, bundleId: true },
    }),
  });

  async function expectRebuildChangesNothing() {
    const before = await snapshot();
    await app.get(BundlesService).rebuildAll();
    expect(await snapshot()).toEqual(before);
  }

  // As the desk's forms post: the token and the page to return to, from the page shown.
  async function post(path: string, form: Record<string, string> = {}, from = '/delivery/bundles') {
    const page = await clerk.get(from);
    return clerk
      .post(path)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), returnTo: from, ...form });
  }

  it('proposes two open stops whose name and phone agree, and merges them into one that later items join', async () => {
    await intake('smartstore', 'SMARTSTORE', [row({ externalItemNo: 'A1', bundleNo: 'B-1' })]);
    await intake('showroom', 'SHOWROOM', [
      row({ externalItemNo: 'S1', address: '서울 강남구 테헤란로 152 (1층 매장 앞)' }),
    ]);
    const [into, from] = [await bundleOf('A1'), await bundleOf('S1')];
    expect(into.id).not.toBe(from.id);

    const page = await clerk.get('/delivery/bundles');
    expect(page.status).toBe(200);
    const candidate = page.text.slice(page.text.indexOf('data-testid="candidate"'));
    expect(candidate).toContain('받는 분 · 연락처 일치');
    expect(candidate).toContain(`#${from.id} → #${into.id} 합치기`);

    const merged = await post(`/delivery/bundles/${from.id}/merge`, {
      intoId: String(into.id),
      returnTo: '/delivery/bundles?view=open&q=김민준',
    });
    expect(merged.status).toBe(302);
    expect(decodeURI(merged.headers.location)).toBe('/delivery/bundles?view=open&q=김민준');
    expect(itemNos(await bundleOf('S1'))).toEqual(['A1', 'S1']);
    expect(await prisma.deliveryBundle.findUniqueOrThrow({ where: { id: from.id } })).toMatchObject(
      {
        status: 'CLOSED',
        mergedIntoId: into.id,
        scheduledDate: null,
      },
    );
    await expectRebuildChangesNothing();

    // The same showroom stop ordering again rides with the merged bundle.
    await intake('showroom', 'SHOWROOM', [
      row({ externalItemNo: 'S2', address: '서울 강남구 테헤란로 152 (1층 매장 앞)' }),
    ]);
    expect(itemNos(await bundleOf('S2'))).toEqual(['A1', 'S1', 'S2']);
    expect(
      await prisma.auditLog.count({
        where: { action: 'BUNDLE_MERGED', targetId: String(into.id) },
      }),
    ).toBe(1);
    const after = await clerk.get('/delivery/bundles');
    expect(after.text).not.toContain('data-testid="candidate"');
  });

  it('leaves an earlier, already delivered bundle of the merged stop as it was', async () => {
    await intake('showroom', 'SHOWROOM', [row({ externalItemNo: 'S0' })]);
    const delivered = await bundleOf('S0');
    await prisma.deliveryBundle.update({
      where: { id: delivered.id },
      data: { status: 'DELIVERED' },
    });
    await intake('showroom', 'SHOWROOM', [row({ externalItemNo: 'S1' })]);
    await intake('smartstore', 'SMARTSTORE', [row({ externalItemNo: 'A1', bundleNo: 'B-1' })]);
    const [from, into] = [await bundleOf('S1'), await bundleOf('A1')];

    const res = await post(`/delivery/bundles/${from.id}/merge`, { intoId: String(into.id) });
    expect(res.status).toBe(302);
    expect(itemNos(await bundleOf('S1'))).toEqual(['A1', 'S1']);
    expect(itemNos(await bundleOf('S0'))).toEqual(['S0']);
    expect((await bundleOf('S0')).id).toBe(delivered.id);
    await expectRebuildChangesNothing();
  });

  it('refuses to merge a stop into itself or into one already dispatched, and changes nothing', async () => {
    await intake('showroom', 'SHOWROOM', [
      row({ externalItemNo: 'S1' }),
      row({ externalItemNo: 'S2', recipientName: '이서연', recipientPhone: '010-2222-3333' }),
    ]);
    const [first, second] = [await bundleOf('S1'), await bundleOf('S2')];
    const self = await post(`/delivery/bundles/${first.id}/merge`, { intoId: String(first.id) });
    expect(self.status).toBe(409);
    expect(self.text).toContain('같은 묶음끼리는 합칠 수 없습니다.');

    await prisma.deliveryBundle.update({ where: { id: second.id }, data: { status: 'CLOSED' } });
    const before = await snapshot();
    const closed = await post(`/delivery/bundles/${first.id}/merge`, { intoId: String(second.id) });
    expect(closed.status).toBe(409);
    expect(closed.text).toContain('출발했거나 닫힌 묶음은 합칠 수 없습니다.');
    const unknown = await post(`/delivery/bundles/${first.id}/merge`, { intoId: '99999' });
    expect(unknown.status).toBe(409);
    expect(unknown.text).toContain('묶음 #99999을(를) 찾을 수 없습니다. 번호를 확인하세요.');
    const typo = await post(`/delivery/bundles/${first.id}/merge`, { intoId: '일번' });
    expect(typo.status).toBe(422);
    expect(typo.text).toContain('합칠 묶음 번호를 숫자로 입력하세요.');
    expect(await snapshot()).toEqual(before);
  });

  it('splits one item out into a stop of its own that a re-import and a rebuild keep', async () => {
    const rows = [row({ externalItemNo: 'S1' }), row({ externalItemNo: 'S2' })];
    await intake('showroom', 'SHOWROOM', rows);
    const bundle = await bundleOf('S1');
    expect(itemNos(bundle)).toEqual(['S1', 'S2']);
    const s2 = bundle.items.find((i) => i.externalItemNo === 'S2')!;

    const res = await post(`/delivery/bundles/${bundle.id}/items/${s2.id}/split`);
    expect(res.status).toBe(302);
    expect(itemNos(await bundleOf('S1'))).toEqual(['S1']);
    const own = await bundleOf('S2');
    expect(itemNos(own)).toEqual(['S2']);
    expect(own).toMatchObject({ status: 'OPEN', recipientName: '김민준' });
    // Split on purpose: not proposed to be merged back.
    expect((await clerk.get('/delivery/bundles')).text).not.toContain('data-testid="candidate"');

    await intake('showroom', 'SHOWROOM', rows);
    expect(itemNos(await bundleOf('S2'))).toEqual(['S2']);
    await expectRebuildChangesNothing();

    const alone = await post(`/delivery/bundles/${own.id}/items/${s2.id}/split`);
    expect(alone.status).toBe(409);
    expect(alone.text).toContain('묶음에 상품이 하나뿐이라 나눌 수 없습니다.');
  });

  it('flags items that arrive after their stop closed, and reopens the stop with a reason so they ride together', async () => {
    await intake('smartstore', 'SMARTSTORE', [row({ externalItemNo: 'A1', bundleNo: 'B-1' })]);
    const first = await bundleOf('A1');
    const job = app.get(BundleAutoCloseJob);
    const quietLater = new Date(first.lastActivityAt.getTime() + 49 * HOUR);
    expect(await job.runOnce(quietLater)).toBe(1);

    await intake('smartstore', 'SMARTSTORE', [row({ externalItemNo: 'A2', bundleNo: 'B-1' })]);
    const late = await bundleOf('A2');
    expect(late.id).not.toBe(first.id);
    const flagged = await clerk.get('/delivery/bundles?view=open&late=1');
    expect(flagged.text).toContain(`id="bundle-${late.id}"`);
    expect(flagged.text).toContain('출고 후 추가된 주문');
    expect((await clerk.get('/')).text).toMatch(/data-queue="LATE_BUNDLE"[\s\S]*?fw-semibold">1</);

    const noReason = await post(
      `/delivery/bundles/${first.id}/reopen`,
      { reason: ' ' },
      '/delivery/bundles?view=closed',
    );
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain('다시 여는 이유를 2자 이상 적어 주세요.');
    expect((await bundleOf('A1')).status).toBe('CLOSED');

    const reopened = await post(
      `/delivery/bundles/${first.id}/reopen`,
      { reason: '출발 전 추가 주문' },
      '/delivery/bundles?view=closed',
    );
    expect(reopened.status).toBe(302);
    const stop = await bundleOf('A2');
    expect(stop).toMatchObject({ id: first.id, status: 'OPEN', reopenReason: '출발 전 추가 주문' });
    expect(itemNos(stop)).toEqual(['A1', 'A2']);
    expect(await prisma.deliveryBundle.findUniqueOrThrow({ where: { id: late.id } })).toMatchObject(
      {
        status: 'CLOSED',
        mergedIntoId: first.id,
      },
    );
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'BUNDLE_REOPENED' } });
    expect(audit.detail).toEqual({ reason: '출발 전 추가 주문', folded: [late.id] });
    await expectRebuildChangesNothing();

    const again = await post(`/delivery/bundles/${first.id}/reopen`, { reason: '한 번 더' });
    expect(again.status).toBe(409);
    expect(again.text).toContain('이미 열려 있는 묶음입니다.');
  });

  it('reopens only the latest closed stop of a recipient, and never a delivered one', async () => {
    await intake('smartstore', 'SMARTSTORE', [row({ externalItemNo: 'A1', bundleNo: 'B-1' })]);
    const older = await bundleOf('A1');
    await prisma.deliveryBundle.update({ where: { id: older.id }, data: { status: 'CLOSED' } });
    await intake('smartstore', 'SMARTSTORE', [row({ externalItemNo: 'A2', bundleNo: 'B-1' })]);
    const newer = await bundleOf('A2');
    await prisma.deliveryBundle.update({ where: { id: newer.id }, data: { status: 'DELIVERED' } });

    const res = await post(`/delivery/bundles/${older.id}/reopen`, { reason: '추가 주문' });
    expect(res.status).toBe(409);
    expect(res.text).toContain('가장 최근에 닫힌 묶음만 다시 열 수 있습니다.');
    const delivered = await post(`/delivery/bundles/${newer.id}/reopen`, { reason: '추가 주문' });
    expect(delivered.text).toContain('배송이 끝난 묶음은 다시 열 수 없습니다.');
  });

  it('closes only the bundles quiet for the configured time, once per period across instances', async () => {
    await intake('showroom', 'SHOWROOM', [row({ externalItemNo: 'S1' })]);
    await intake('showroom', 'SHOWROOM', [
      row({ externalItemNo: 'S2', recipientName: '이서연', recipientPhone: '010-2222-3333' }),
    ]);
    const [quiet, busy] = [await bundleOf('S1'), await bundleOf('S2')];
    const now = new Date(quiet.lastActivityAt.getTime() + 48 * HOUR + 1);
    await prisma.deliveryBundle.update({
      where: { id: busy.id },
      data: { lastActivityAt: new Date(now.getTime() - HOUR) },
    });
    const job = app.get(BundleAutoCloseJob);
    expect(await job.runOnce(now)).toBe(1);
    expect((await bundleOf('S1')).status).toBe('CLOSED');
    expect((await bundleOf('S1')).closedAt).toEqual(now);
    expect((await bundleOf('S2')).status).toBe('OPEN');

    // Another instance's tick within the same period finds the turn taken.
    const later = new Date(now.getTime() + 48 * HOUR);
    expect(await job.runOnce(later)).toBeNull();
    expect((await bundleOf('S2')).status).toBe('OPEN');
    // The next period's tick (the turn's lock lapsed) closes the other one once it went quiet.
    await app.get<Redis>(REDIS).flushdb();
    expect(await job.runOnce(later)).toBe(1);
  });

  it('keeps the bundle desk to clerks and admins', async () => {
    const driver = await logIn(app.getHttpServer(), 'driver');
    expect((await driver.get('/delivery/bundles')).status).toBe(403);
  });
});
