import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { PrismaService } from '../../src/database/prisma.service';
import { createStaff } from '../support/factories';
import { Agent, cookieValue, csrfFrom, logIn } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';

describe('remember-me login', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let staff: Awaited<ReturnType<typeof createStaff>>;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(async () => {
    await resetState(app);
    staff = await createStaff(app);
  });
  afterAll(() => app.close());

  const server = () => app.getHttpServer();
  const rememberCookieOf = (agent: Agent) =>
    cookieValue(agent.cookieHeader.split('; '), 'oms.remember')!;
  const visitWith = (remember: string) =>
    request(server())
      .get('/')
      .set('Cookie', `oms.remember=${encodeURIComponent(remember)}`);

  it('sets an HttpOnly cookie and stores only a hash of the validator', async () => {
    const agent = await logIn(server(), 'clerk', { remember: true });
    const cookie = rememberCookieOf(agent);
    const [series, validator] = cookie.split('.');
    const token = await prisma.rememberMeToken.findUniqueOrThrow({ where: { series } });
    expect(token.tokenHash).not.toContain(validator);
    expect(token.userId).toBe(staff.clerk.id);
    expect(agent.cookieHeader).toContain('oms.remember=');
  });

  it('signs the user in again when the session is gone, and rotates the validator', async () => {
    const agent = await logIn(server(), 'clerk', { remember: true });
    const first = rememberCookieOf(agent);
    const res = await visitWith(first);
    expect(res.status).toBe(200);
    expect(res.text).toContain('테스트 clerk');
    const rotated = cookieValue(res.headers['set-cookie'], 'oms.remember');
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(first);
    expect(rotated!.split('.')[0]).toBe(first.split('.')[0]);
    expect(cookieValue(res.headers['set-cookie'], 'oms.sid')).toBeDefined();
    expect((await visitWith(rotated!)).status).toBe(200);
    expect(await prisma.auditLog.count({ where: { action: 'REMEMBER_LOGIN' } })).toBe(2);
  });

  it('lets parallel requests carrying the same cookie through without crying theft', async () => {
    const agent = await logIn(server(), 'clerk', { remember: true });
    const cookie = rememberCookieOf(agent);
    const results = await Promise.all(Array.from({ length: 6 }, () => visitWith(cookie)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const rotatedCookies = results
      .map((r) => cookieValue(r.headers['set-cookie'], 'oms.remember'))
      .filter(Boolean);
    expect(rotatedCookies).toHaveLength(1);
    expect(await prisma.auditLog.count({ where: { action: 'REMEMBER_TOKEN_THEFT' } })).toBe(0);
    expect(await prisma.rememberMeToken.count()).toBe(1);
  });

  it('treats a replayed old validator as theft: every token and session of the user ends', async () => {
    const victim = await logIn(server(), 'clerk', { remember: true });
    const stolen = rememberCookieOf(victim);
    const rotated = cookieValue((await visitWith(stolen)).headers['set-cookie'], 'oms.remember')!;
    // Past the grace window the old value can only be a copy.
    await prisma.rememberMeToken.updateMany({
      data: { rotatedAt: new Date(Date.now() - 5 * 60_000) },
    });

    const thief = await visitWith(stolen);
    expect(thief.status).toBe(302);
    expect(thief.headers.location).toMatch(/^\/login/);
    expect(await prisma.rememberMeToken.count()).toBe(0);
    expect((await victim.get('/')).status).toBe(302);
    expect((await visitWith(rotated)).status).toBe(302);
    const theft = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'REMEMBER_TOKEN_THEFT' },
    });
    expect(theft.actorId).toBe(staff.clerk.id);
  });

  it('refuses an expired token and clears the cookie', async () => {
    const agent = await logIn(server(), 'clerk', { remember: true });
    await prisma.rememberMeToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await visitWith(rememberCookieOf(agent));
    expect(res.status).toBe(302);
    expect(res.headers['set-cookie']?.toString()).toMatch(/oms\.remember=;/);
    expect(await prisma.rememberMeToken.count()).toBe(0);
  });

  it('refuses a token that has not been used for longer than the idle limit', async () => {
    const agent = await logIn(server(), 'clerk', { remember: true });
    await prisma.rememberMeToken.updateMany({
      data: { lastUsedAt: new Date(Date.now() - 15 * 86_400_000) },
    });
    expect((await visitWith(rememberCookieOf(agent))).status).toBe(302);
  });

  it('forgets the token at logout', async () => {
    const agent = await logIn(server(), 'clerk', { remember: true });
    const cookie = rememberCookieOf(agent);
    const home = await agent.get('/');
    await agent
      .post('/logout')
      .type('form')
      .send({ _csrf: csrfFrom(home.text) });
    expect(await prisma.rememberMeToken.count()).toBe(0);
    expect((await visitWith(cookie)).status).toBe(302);
  });

  it('stops working for a user who was deactivated meanwhile', async () => {
    const agent = await logIn(server(), 'clerk', { remember: true });
    await prisma.user.update({ where: { id: staff.clerk.id }, data: { active: false } });
    expect((await visitWith(rememberCookieOf(agent))).status).toBe(302);
  });
});
