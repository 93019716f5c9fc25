import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PrismaService } from '../../src/database/prisma.service';
import { seedDemo } from '../../src/seed/demo-seed';
import { PasswordHasher } from '../../src/users/password-hasher';
import { ChannelsService } from '../../src/channels/channels.service';
import { IntakePipeline } from '../../src/orders/intake/intake.pipeline';
import { seedDemoOrders } from '../../src/seed/seed-demo-orders';
import { logIn } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';

const run = promisify(execFile);

describe('the demo seed', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await createTestApp();
    await resetState(app);
  });
  afterAll(() => app.close());

  const seed = () => seedDemo(app.get(PrismaService), app.get(PasswordHasher), 'demo-pass-1234');

  it('creates the three demo users, the channels and a mattress catalog with options', async () => {
    const summary = await seed();
    expect(summary.users).toBe(3);
    expect(summary.channels).toBe(3);
    expect(summary.products).toBeGreaterThanOrEqual(10);
    expect(summary.options).toBeGreaterThan(summary.products);
    const kinds = (await app.get(PrismaService).channel.findMany()).map((c) => c.kind).sort();
    expect(kinds).toEqual(['PARTNER', 'SHOWROOM', 'SMARTSTORE']);
  });

  it('lets each demo user log in with the demo password and see what their role allows', async () => {
    for (const [username, allowed] of [
      ['admin', 200],
      ['clerk', 403],
      ['driver', 403],
    ] as const) {
      const agent = await logIn(app.getHttpServer(), username, { password: 'demo-pass-1234' });
      expect((await agent.get('/admin/users')).status).toBe(allowed);
    }
  });

  it('changes nothing when run again', async () => {
    const prisma = app.get(PrismaService);
    const before = await prisma.user.findMany({ orderBy: { id: 'asc' } });
    const again = await seed();
    expect(again.users).toBe(3);
    expect(again.products).toBe(await prisma.product.count());
    const after = await prisma.user.findMany({ orderBy: { id: 'asc' } });
    expect(after.map((u) => u.passwordHash)).toEqual(before.map((u) => u.passwordHash));
  });

  it('is refused by the command line in production', async () => {
    const cli = join(__dirname, '..', '..', 'src', 'cli.ts');
    const result = run(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', cli, 'seed', '--demo'],
      {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          SESSION_SECRET: 'x'.repeat(40),
          COMPANY_NAME: '(주)슬립웨이브',
          COMPANY_REGISTRATION_NO: '513-81-12345',
          COMPANY_REPRESENTATIVE: '이서연',
          COMPANY_ADDRESS: '경상북도 구미시 1공단로 7',
          COMPANY_PHONE: '054-123-4567',
        },
      },
    );
    await expect(result).rejects.toMatchObject({
      stderr: expect.stringContaining(
        '운영 환경(NODE_ENV=production)에서는 데모 데이터를 넣지 않습니다.',
      ),
    });
  });
});

describe('the demo orders', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await createTestApp();
    await resetState(app);
    await seedDemo(app.get(PrismaService), app.get(PasswordHasher), 'demo-pass-1234');
  });
  afterAll(() => app.close());

  const seedOrders = () =>
    seedDemoOrders({ pipeline: app.get(IntakePipeline), channels: app.get(ChannelsService) });

  it('fill the desk with a few hundred orders across every channel through the intake pipeline', async () => {
    const result = await seedOrders();
    const prisma = app.get(PrismaService);
    expect(await prisma.order.count()).toBe(300);
    const byChannel = await prisma.orderItem.groupBy({ by: ['channelId'], _count: true });
    expect(byChannel).toHaveLength(3);
    expect(Object.values(result).every((s) => s.failed === 0)).toBe(true);
    expect(await prisma.orderItem.count({ where: { regionSido: null } })).toBeLessThan(20);
    expect(await prisma.orderEvent.count({ where: { type: 'CREATED' } })).toBe(300);
  });

  it("show on the clerk's dashboard how many items wait in each queue", async () => {
    const prisma = app.get(PrismaService);
    const clerk = await logIn(app.getHttpServer(), 'clerk', { password: 'demo-pass-1234' });
    const page = await clerk.get('/');
    const newCount = await prisma.orderItem.count({ where: { status: 'NEW' } });
    expect(newCount).toBeGreaterThan(0);
    expect(page.text).toMatch(new RegExp(`data-queue="NEW"[\\s\\S]*?fw-semibold">${newCount}<`));
    const driver = await logIn(app.getHttpServer(), 'driver', { password: 'demo-pass-1234' });
    expect((await driver.get('/')).text).not.toContain('data-testid="queues"');
  });

  it('change nothing when seeded again', async () => {
    const again = await seedOrders();
    expect(Object.values(again).map((s) => s.created + s.updated)).toEqual([0, 0, 0]);
  });
});
