import type { NestExpressApplication } from '@nestjs/platform-express';
import { createStaff } from '../support/factories';
import { Agent, logIn } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';

describe('refusals the framework raises', () => {
  let app: NestExpressApplication;
  let admin: Agent;

  beforeAll(async () => {
    app = await createTestApp();
    await resetState(app);
    await createStaff(app);
    admin = await logIn(app.getHttpServer(), 'admin');
  });
  afterAll(() => app.close());

  it('answers a malformed id in the address in Korean, not with the pipe’s English', async () => {
    const res = await admin.get('/orders/abc');
    expect(res.status).toBe(400);
    expect(res.text).toContain('요청을 이해할 수 없습니다.');
    expect(res.text).not.toContain('numeric string');
  });

  it('answers a query value without its own message in Korean', async () => {
    const res = await admin.get('/admin/audit?page=0');
    expect(res.status).toBe(400);
    expect(res.text).toContain('입력값이 올바르지 않습니다.');
    expect(res.text).not.toContain('must not be less than');
  });
});
