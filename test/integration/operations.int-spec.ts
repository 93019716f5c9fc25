import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createTestApp, resetState } from '../support/test-app';

describe('operations endpoints', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await createTestApp();
    await resetState(app);
  });
  afterAll(() => app.close());

  it('answers /healthz while alive', async () => {
    const res = await request(app.getHttpServer()).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers /readyz with the state of the database and Redis', async () => {
    const res = await request(app.getHttpServer()).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
  });

  it('exposes request counts and durations by route pattern and status in Prometheus format', async () => {
    await request(app.getHttpServer()).get('/login');
    await request(app.getHttpServer()).get('/admin/users/42');
    const res = await request(app.getHttpServer()).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(
      /http_requests_total\{method="GET",route="\/login",status="200"\} \d+/,
    );
    expect(res.text).toMatch(
      /http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/admin\/users\/:id",status="302"\}/,
    );
    expect(res.text).toContain('process_resident_memory_bytes');
  });

  it('returns a request id, or echoes a sane one the proxy sent', async () => {
    const fresh = await request(app.getHttpServer()).get('/healthz');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await request(app.getHttpServer())
      .get('/healthz')
      .set('x-request-id', 'nginx-abc12345');
    expect(echoed.headers['x-request-id']).toBe('nginx-abc12345');
  });

  it('answers an oversized form post with 413 instead of an error', async () => {
    const res = await request(app.getHttpServer())
      .post('/login')
      .type('form')
      .send({ username: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.text).toContain('보낸 내용이 너무 큽니다');
  });

  it('serves Bootstrap and the app assets itself, with no CDN', async () => {
    expect(
      (await request(app.getHttpServer()).get('/static/bootstrap/css/bootstrap.min.css')).status,
    ).toBe(200);
    expect((await request(app.getHttpServer()).get('/static/js/app.js')).status).toBe(200);
    const login = await request(app.getHttpServer()).get('/login');
    expect(login.text).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/);
  });
});
