import type { NestExpressApplication } from '@nestjs/platform-express';
import { PrismaService } from '../../src/database/prisma.service';
import { PasswordHasher } from '../../src/users/password-hasher';
import { createStaff, TEST_PASSWORD } from '../support/factories';
import { Agent, csrfFrom, logIn } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';

describe('user administration', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let staff: Awaited<ReturnType<typeof createStaff>>;
  let admin: Agent;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(async () => {
    await resetState(app);
    staff = await createStaff(app);
    admin = await logIn(app.getHttpServer(), 'admin');
  });
  afterAll(() => app.close());

  async function post(agent: Agent, path: string, form: Record<string, string>, page = '/') {
    const token = csrfFrom((await agent.get(page)).text);
    return agent
      .post(path)
      .type('form')
      .send({ _csrf: token, ...form });
  }

  it('lists users with their roles', async () => {
    const res = await admin.get('/admin/users');
    expect(res.status).toBe(200);
    for (const text of ['admin', 'clerk', 'driver', '관리자', '주문 담당', '배송팀'])
      expect(res.text).toContain(text);
  });

  it('creates a user who can then log in', async () => {
    const res = await post(admin, '/admin/users', {
      username: 'showroom1',
      displayName: '매장 직원',
      role: 'CLERK',
      password: 'store1234',
    });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/admin/users');
    expect((await admin.get('/admin/users')).text).toContain(
      '사용자 showroom1을(를) 추가했습니다.',
    );
    await logIn(app.getHttpServer(), 'showroom1', { password: 'store1234' });
    expect(await prisma.auditLog.count({ where: { action: 'USER_CREATED' } })).toBe(1);
  });

  it('re-renders the form with the input and Korean errors beside the fields (422)', async () => {
    const res = await post(admin, '/admin/users', {
      username: 'A!',
      displayName: '홍길동',
      role: 'CLERK',
      password: 'short',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('아이디는 영문 소문자, 숫자, . _ - 3~50자입니다.');
    expect(res.text).toContain('비밀번호는 8자 이상, 영문과 숫자를 함께 써야 합니다.');
    expect(res.text).toContain('value="홍길동"');
    expect(res.text).toContain('value="A!"');
    expect(await prisma.user.count()).toBe(3);
  });

  it('refuses a username that is taken, beside the field', async () => {
    const res = await post(admin, '/admin/users', {
      username: 'clerk',
      displayName: '중복',
      role: 'CLERK',
      password: 'abcd1234',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('이미 사용 중인 아이디입니다.');
  });

  it('refuses fields the form does not have', async () => {
    const res = await post(admin, '/admin/users', {
      username: 'x-user',
      displayName: 'x',
      role: 'CLERK',
      password: 'abcd1234',
      active: 'false',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('허용되지 않는 항목입니다: active');
  });

  it('changing a role ends every session of that user, and is audited', async () => {
    const clerk = await logIn(app.getHttpServer(), 'clerk');
    const res = await post(
      admin,
      `/admin/users/${staff.clerk.id}/role`,
      { role: 'DELIVERY' },
      `/admin/users/${staff.clerk.id}`,
    );
    expect(res.status).toBe(302);
    expect((await clerk.get('/')).status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: staff.clerk.id } })).role).toBe(
      'DELIVERY',
    );
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'USER_ROLE_CHANGED' },
    });
    expect(entry.detail).toEqual({ username: 'clerk', from: 'CLERK', to: 'DELIVERY' });
  });

  it('deactivating a user ends their sessions and remember-me tokens', async () => {
    const clerk = await logIn(app.getHttpServer(), 'clerk', { remember: true });
    await post(
      admin,
      `/admin/users/${staff.clerk.id}/active`,
      { active: 'false' },
      `/admin/users/${staff.clerk.id}`,
    );
    expect((await clerk.get('/')).status).toBe(302);
    expect(await prisma.rememberMeToken.count({ where: { userId: staff.clerk.id } })).toBe(0);
  });

  it('refuses to deactivate or demote the last active admin', async () => {
    const self = await post(
      admin,
      `/admin/users/${staff.admin.id}/active`,
      { active: 'false' },
      `/admin/users/${staff.admin.id}`,
    );
    expect(self.status).toBe(422);
    expect(self.text).toContain('자기 자신은 비활성화할 수 없습니다.');
    const demote = await post(
      admin,
      `/admin/users/${staff.admin.id}/role`,
      { role: 'CLERK' },
      `/admin/users/${staff.admin.id}`,
    );
    expect(demote.status).toBe(409);
    expect(demote.text).toContain('활성 관리자가 한 명 이상 남아 있어야 합니다.');
  });

  it('resetting a password ends the sessions and the new password works', async () => {
    const clerk = await logIn(app.getHttpServer(), 'clerk');
    await post(
      admin,
      `/admin/users/${staff.clerk.id}/password`,
      { password: 'fresh5678' },
      `/admin/users/${staff.clerk.id}`,
    );
    expect((await clerk.get('/')).status).toBe(302);
    await logIn(app.getHttpServer(), 'clerk', { password: 'fresh5678' });
  });

  it('shows a reset-password error on the edit page with the user still shown', async () => {
    const res = await post(
      admin,
      `/admin/users/${staff.clerk.id}/password`,
      { password: '123' },
      `/admin/users/${staff.clerk.id}`,
    );
    expect(res.status).toBe(422);
    expect(res.text).toContain('비밀번호는 8자 이상');
    expect(res.text).toContain('테스트 clerk');
  });

  it('lets anyone change their own password, keeping only this device signed in', async () => {
    const phone = await logIn(app.getHttpServer(), 'driver');
    const laptop = await logIn(app.getHttpServer(), 'driver', { remember: true });
    const res = await post(
      laptop,
      '/account/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'newpass123', confirmPassword: 'newpass123' },
      '/account/password',
    );
    expect(res.status).toBe(302);
    expect((await laptop.get('/')).status).toBe(200);
    expect((await phone.get('/')).status).toBe(302);
    expect(await prisma.rememberMeToken.count()).toBe(0);
    const user = await prisma.user.findUniqueOrThrow({ where: { username: 'driver' } });
    expect(await app.get(PasswordHasher).verify(user.passwordHash, 'newpass123')).toBe(true);
  });

  it('checks the current password and the confirmation', async () => {
    const driver = await logIn(app.getHttpServer(), 'driver');
    const wrong = await post(
      driver,
      '/account/password',
      { currentPassword: 'nope', newPassword: 'newpass123', confirmPassword: 'newpass123' },
      '/account/password',
    );
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('현재 비밀번호가 맞지 않습니다.');
    const mismatch = await post(
      driver,
      '/account/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'newpass123', confirmPassword: 'newpass124' },
      '/account/password',
    );
    expect(mismatch.text).toContain('새 비밀번호가 서로 다릅니다.');
  });

  it('lists user changes and filters the audit page by action', async () => {
    await post(
      admin,
      `/admin/users/${staff.driver.id}/active`,
      { active: 'false' },
      `/admin/users/${staff.driver.id}`,
    );
    const res = await admin.get('/admin/audit?action=USER_DEACTIVATED');
    expect(res.status).toBe(200);
    expect(res.text).toContain('사용자 비활성화');
    expect(res.text).not.toContain('data-action="LOGIN"');
  });
});

describe('query strings that do not validate', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await createTestApp();
    await resetState(app);
    await createStaff(app);
  });
  afterAll(() => app.close());

  it('treat an empty filter as no filter', async () => {
    const admin = await logIn(app.getHttpServer(), 'admin');
    expect((await admin.get('/admin/audit?action=')).status).toBe(200);
  });

  it('answer a nonsense filter with a Korean 400 page, not a server error', async () => {
    const admin = await logIn(app.getHttpServer(), 'admin');
    const res = await admin.get('/admin/audit?action=DROP_TABLE&page=-3');
    expect(res.status).toBe(400);
    expect(res.text).toContain('알 수 없는 항목입니다.');
  });
});
