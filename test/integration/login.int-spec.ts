import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { PrismaService } from '../../src/database/prisma.service';
import { createStaff, createUser, TEST_PASSWORD } from '../support/factories';
import { cookieValue, csrfFrom, csrfOf, logIn } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';
import { Role } from '../../src/generated/prisma/enums';

describe('logging in and out', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(async () => {
    await resetState(app);
    await createStaff(app);
  });
  afterAll(() => app.close());

  const server = () => app.getHttpServer();

  it('sends an anonymous visitor to the login page and back to where they were going', async () => {
    const first = await request(server()).get('/admin/users');
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/login?next=%2Fadmin%2Fusers');

    const agent = request.agent(server());
    const page = await agent.get(first.headers.location);
    expect(page.text).toContain('value="/admin/users"');
    const res = await agent
      .post('/login')
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        username: 'admin',
        password: TEST_PASSWORD,
        next: '/admin/users',
      });
    expect(res.headers.location).toBe('/admin/users');
  });

  it('never redirects to another site after login', async () => {
    const agent = request.agent(server());
    const csrf = await csrfOf(agent);
    const res = await agent.post('/login').type('form').send({
      _csrf: csrf,
      username: 'admin',
      password: TEST_PASSWORD,
      next: '//evil.example/phish',
    });
    expect(res.headers.location).toBe('/');
  });

  it('shows the dashboard with the user name after login', async () => {
    const agent = await logIn(server(), 'clerk');
    const res = await agent.get('/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('테스트 clerk');
    expect(res.text).toContain('주문 담당 권한으로 로그인했습니다.');
  });

  it('gives the same Korean message for an unknown user and a wrong password, keeping the username', async () => {
    const agent = request.agent(server());
    const csrf = await csrfOf(agent);
    const wrong = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, username: 'clerk', password: 'nope-1234' });
    const unknown = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, username: 'ghost', password: 'nope-1234' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toContain('아이디 또는 비밀번호가 올바르지 않습니다.');
    expect(unknown.text).toContain('아이디 또는 비밀번호가 올바르지 않습니다.');
    expect(wrong.text).toContain('value="clerk"');
    expect(wrong.text).not.toContain('nope-1234');
  });

  it('refuses a deactivated account with the same generic message', async () => {
    await createUser(app, { username: 'retired', role: Role.CLERK, active: false });
    const agent = request.agent(server());
    const csrf = await csrfOf(agent);
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, username: 'retired', password: TEST_PASSWORD });
    expect(res.status).toBe(401);
    expect(res.text).toContain('아이디 또는 비밀번호가 올바르지 않습니다.');
  });

  it('asks for both fields when one is empty', async () => {
    const agent = request.agent(server());
    const csrf = await csrfOf(agent);
    const res = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'admin' });
    expect(res.status).toBe(401);
    expect(res.text).toContain('아이디와 비밀번호를 입력하세요.');
  });

  it('gives a new session id at login, so a planted session id is useless (fixation)', async () => {
    const agent = request.agent(server());
    const page = await agent.get('/login');
    const before = cookieValue(page.headers['set-cookie'], 'oms.sid');
    expect(before).toBeDefined();
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), username: 'admin', password: TEST_PASSWORD });
    const after = cookieValue(res.headers['set-cookie'], 'oms.sid');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);

    const attacker = await request(server())
      .get('/')
      .set('Cookie', `oms.sid=${encodeURIComponent(before!)}`);
    expect(attacker.status).toBe(302);
    expect(attacker.headers.location).toMatch(/^\/login/);
  });

  it('sets the session cookie HttpOnly and SameSite, and Secure when the proxy says https', async () => {
    const res = await request(server()).get('/login');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('oms.sid='),
    )!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);

    app.set('trust proxy', 1);
    try {
      const https = await request(server()).get('/login').set('X-Forwarded-Proto', 'https');
      const secure = (https.headers['set-cookie'] as unknown as string[]).find((c) =>
        c.startsWith('oms.sid='),
      )!;
      expect(secure).toMatch(/Secure/);
    } finally {
      app.set('trust proxy', 0);
    }
  });

  it('ends the session at logout, and the old cookie no longer works', async () => {
    const agent = await logIn(server(), 'admin');
    const home = await agent.get('/');
    const out = await agent
      .post('/logout')
      .type('form')
      .send({ _csrf: csrfFrom(home.text) });
    expect(out.status).toBe(302);
    expect(out.headers.location).toBe('/login?loggedOut=1');
    expect((await agent.get('/')).status).toBe(302);
    expect((await request(server()).get('/').set('Cookie', agent.cookieHeader)).status).toBe(302);
  });

  it('records logins, failures and logouts in the audit log', async () => {
    const agent = await logIn(server(), 'admin');
    const bad = request.agent(server());
    const csrf = await csrfOf(bad);
    await bad
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, username: 'clerk', password: 'wrong-123' });
    const actions = (
      await app.get(PrismaService).auditLog.findMany({ orderBy: { id: 'asc' } })
    ).map((a) => `${a.action}:${a.username}`);
    expect(actions).toEqual(['LOGIN:admin', 'LOGIN_FAILED:clerk']);
    expect((await agent.get('/admin/audit')).text).toContain('로그인 실패');
  });

  it('ends a session that has been idle past the timeout', async () => {
    const agent = await logIn(server(), 'admin');
    const redis = app.get<import('ioredis').default>(
      (await import('../../src/redis/redis.provider')).REDIS,
    );
    const keys = await redis.keys('oms:sess:*');
    expect(keys.length).toBeGreaterThan(0);
    const ttl = await redis.pttl(keys[0]);
    expect(ttl).toBeGreaterThan(29 * 60_000);
    expect(ttl).toBeLessThanOrEqual(30 * 60_000);
    for (const key of keys) await redis.pexpire(key, 1);
    await new Promise((r) => setTimeout(r, 20));
    expect((await agent.get('/')).status).toBe(302);
  });

  it('ends a session older than the absolute timeout even while it is in use', async () => {
    const agent = await logIn(server(), 'admin');
    const redis = app.get<import('ioredis').default>(
      (await import('../../src/redis/redis.provider')).REDIS,
    );
    const [key] = await redis.keys('oms:sess:*');
    const data = JSON.parse((await redis.get(key))!);
    data.authenticatedAt = Date.now() - 12 * 3_600_000 - 1000;
    await redis.set(key, JSON.stringify(data), 'PX', 60_000);
    const res = await agent.get('/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toMatch(/^\/login/);
  });
});
