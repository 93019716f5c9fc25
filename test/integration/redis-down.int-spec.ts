import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createStaff } from '../support/factories';
import { logIn } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = createServer();
      socket.once('error', () => resolve(true));
      socket.listen(port, '127.0.0.1', () => socket.close(() => resolve(false)));
    });
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('redis-server did not start');
}

// A Redis of its own that this suite can kill, so the shared one stays up for other suites.
describe('when Redis goes down', () => {
  let redis: ChildProcess;
  let app: NestExpressApplication;
  const savedUrl = process.env.REDIS_URL;

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    process.env.REDIS_URL = `redis://127.0.0.1:${port}/0`;
    app = await createTestApp();
    await resetState(app);
    await createStaff(app);
  });
  afterAll(async () => {
    process.env.REDIS_URL = savedUrl;
    redis.kill('SIGKILL');
    await app.close();
  });

  it('answers pages with a 503 in Korean instead of hanging, and readiness fails', async () => {
    const agent = await logIn(app.getHttpServer(), 'clerk');
    expect((await agent.get('/')).status).toBe(200);

    redis.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 200));

    // A guard against a hang (ioredis queueing commands for minutes while it reconnects), not
    // a measure of speed: the answer comes in milliseconds.
    const page = await agent.get('/').timeout(20_000);
    expect(page.status).toBe(503);
    expect(page.text).toContain('잠시 후 다시 시도하세요');

    const login = await request(app.getHttpServer()).get('/login');
    expect(login.status).toBe(503);

    const ready = await request(app.getHttpServer()).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.database).toBe('ok');
    expect(ready.body.checks.redis).not.toBe('ok');

    expect((await request(app.getHttpServer()).get('/healthz')).status).toBe(200);
  });
});
