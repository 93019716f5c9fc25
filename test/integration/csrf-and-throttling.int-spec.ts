import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { PrismaService } from '../../src/database/prisma.service';
import { createStaff, TEST_PASSWORD } from '../support/factories';
import { csrfFrom, csrfOf, logIn } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';

describe('CSRF protection', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(async () => {
    await resetState(app);
    await createStaff(app);
  });
  afterAll(() => app.close());

  const newUser = { username: 'newbie', displayName: '신입', role: 'CLERK', password: 'abcd1234' };

  it('refuses a state change without a token and changes nothing', async () => {
    const agent = await logIn(app.getHttpServer(), 'admin');
    const res = await agent.post('/admin/users').type('form').send(newUser);
    expect(res.status).toBe(403);
    expect(res.text).toContain('보안 토큰이 없거나 만료되었습니다');
    expect(await app.get(PrismaService).user.count({ where: { username: 'newbie' } })).toBe(0);
  });

  it("refuses another session's token", async () => {
    const victim = await logIn(app.getHttpServer(), 'admin');
    const attacker = request.agent(app.getHttpServer());
    const attackerToken = await csrfOf(attacker);
    const res = await victim
      .post('/admin/users')
      .type('form')
      .send({ ...newUser, _csrf: attackerToken });
    expect(res.status).toBe(403);
  });

  it('refuses a logout without a token, and the user stays signed in', async () => {
    const agent = await logIn(app.getHttpServer(), 'clerk');
    expect((await agent.post('/logout')).status).toBe(403);
    expect((await agent.get('/')).status).toBe(200);
  });

  it('accepts the token in the x-csrf-token header (how uploads send it)', async () => {
    const agent = await logIn(app.getHttpServer(), 'admin');
    const token = csrfFrom((await agent.get('/admin/users/new')).text);
    const res = await agent
      .post('/admin/users')
      .set('x-csrf-token', token)
      .type('form')
      .send(newUser);
    expect(res.status).toBe(302);
    expect(await app.get(PrismaService).user.count({ where: { username: 'newbie' } })).toBe(1);
  });

  it('refuses a login post without a token (login CSRF)', async () => {
    const res = await request(app.getHttpServer())
      .post('/login')
      .type('form')
      .send({ username: 'admin', password: TEST_PASSWORD });
    expect(res.status).toBe(403);
  });
});

describe('login throttling', () => {
  let app: NestExpressApplication;
  let other: NestExpressApplication;
  beforeAll(async () => {
    app = await createTestApp();
    other = await createTestApp();
  });
  beforeEach(async () => {
    await resetState(app);
    await createStaff(app);
  });
  afterAll(async () => {
    await other.close();
    await app.close();
  });

  async function attempt(
    target: NestExpressApplication,
    username: string,
    password: string,
    ip = '10.0.0.1',
  ) {
    const agent = request.agent(target.getHttpServer());
    const csrf = await csrfOf(agent);
    return agent
      .post('/login')
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({ _csrf: csrf, username, password });
  }

  beforeEach(() => {
    app.set('trust proxy', 1);
    other.set('trust proxy', 1);
  });

  it('locks an account after five failures, explains it in Korean, and refuses even the right password', async () => {
    for (let i = 0; i < 4; i++)
      expect((await attempt(app, 'clerk', 'wrong-pass-1')).status).toBe(401);
    const fifth = await attempt(app, 'clerk', 'wrong-pass-1');
    expect(fifth.status).toBe(429);
    expect(fifth.text).toContain(
      '로그인 실패가 반복되어 잠시 잠겼습니다. 15분 후에 다시 시도하세요.',
    );
    const right = await attempt(app, 'clerk', TEST_PASSWORD, '10.0.0.2');
    expect(right.status).toBe(429);
    const audit = await app
      .get(PrismaService)
      .auditLog.count({ where: { action: 'LOGIN_LOCKED' } });
    expect(audit).toBe(1);
  });

  it('keeps the lock on every app instance (shared in Redis)', async () => {
    for (let i = 0; i < 5; i++) await attempt(app, 'clerk', 'wrong-pass-1');
    expect((await attempt(other, 'clerk', TEST_PASSWORD)).status).toBe(429);
    expect((await attempt(other, 'admin', TEST_PASSWORD, '10.0.0.9')).status).toBe(302);
  });

  it('clears the failure count after a successful login', async () => {
    for (let i = 0; i < 4; i++) await attempt(app, 'clerk', 'wrong-pass-1');
    expect((await attempt(app, 'clerk', TEST_PASSWORD)).status).toBe(302);
    for (let i = 0; i < 4; i++)
      expect((await attempt(app, 'clerk', 'wrong-pass-1')).status).toBe(401);
  });

  it('locks an address that tries many accounts', async () => {
    for (let i = 0; i < 30; i++) await attempt(app, `nobody${i}`, 'wrong-pass-1', '10.9.9.9');
    expect((await attempt(app, 'admin', TEST_PASSWORD, '10.9.9.9')).status).toBe(429);
    expect((await attempt(app, 'admin', TEST_PASSWORD, '10.9.9.10')).status).toBe(302);
  });
});

describe('sessions across instances', () => {
  it('a session started on one instance works on another (shared Redis store)', async () => {
    const a = await createTestApp();
    const b = await createTestApp();
    try {
      await resetState(a);
      await createStaff(a);
      const agent = await logIn(a.getHttpServer(), 'admin');
      const res = await request(b.getHttpServer())
        .get('/admin/users')
        .set('Cookie', agent.cookieHeader);
      expect(res.status).toBe(200);
      expect(res.text).toContain('사용자 관리');
    } finally {
      await b.close();
      await a.close();
    }
  });
});
