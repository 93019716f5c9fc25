import { ConfigError, loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  it('gives working developer defaults when nothing is set', () => {
    const config = loadAppConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.url).toBe('mysql://oms:oms@127.0.0.1:3306/oms');
    expect(config.session.idleMs).toBe(30 * 60_000);
    expect(config.session.absoluteMs).toBe(12 * 3_600_000);
  });

  it('names every bad key in one message', () => {
    expect(() =>
      loadAppConfig({ PORT: 'abc', DATABASE_URL: 'postgres://x', SESSION_SECRET: 'short' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*SESSION_SECRET/);
  });

  it('refuses to start production with the development session secret', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
  });

  it('refuses to start production with the demo company on its statements', () => {
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) };
    expect(() => loadAppConfig(production)).toThrow(
      /COMPANY_NAME: 운영 환경에서는 거래명세서의 공급자 정보를 직접 지정해야 합니다[\s\S]*COMPANY_PHONE/,
    );
    const company = {
      COMPANY_NAME: '(주)슬립웨이브',
      COMPANY_REGISTRATION_NO: '513-81-12345',
      COMPANY_REPRESENTATIVE: '이서연',
      COMPANY_ADDRESS: '경상북도 구미시 1공단로 7',
      COMPANY_PHONE: '054-123-4567',
    };
    expect(loadAppConfig({ ...production, ...company }).company.name).toBe('(주)슬립웨이브');
  });

  it('parses Redis Sentinel addresses', () => {
    const config = loadAppConfig({ REDIS_SENTINELS: 's1:26379,s2:26380' });
    expect(config.redis.sentinels).toEqual([
      { host: 's1', port: 26379 },
      { host: 's2', port: 26380 },
    ]);
  });

  it('treats empty variables as unset', () => {
    expect(loadAppConfig({ PORT: '' }).port).toBe(3000);
  });

  it('reads the company printed on statements, naming a malformed registration number', () => {
    const config = loadAppConfig({ COMPANY_NAME: '(주)슬립웨이브', COMPANY_PHONE: '054-123-4567' });
    expect(config.company).toMatchObject({ name: '(주)슬립웨이브', phone: '054-123-4567' });
    expect(loadAppConfig({}).company.registrationNo).toMatch(/^\d{3}-\d{2}-\d{5}$/);
    expect(() => loadAppConfig({ COMPANY_REGISTRATION_NO: '1234567890' })).toThrow(
      /COMPANY_REGISTRATION_NO: 000-00-00000/,
    );
  });

  it('only records customer messages unless an HTTP gateway is configured', () => {
    expect(loadAppConfig({}).notifications).toEqual({
      provider: { kind: 'log' },
      maxAttempts: 3,
      sweepEveryMs: 30_000,
    });
  });

  it('reads the HTTP gateway with its token and timeout', () => {
    const config = loadAppConfig({
      NOTIFY_PROVIDER: 'http',
      NOTIFY_HTTP_URL: 'https://sms.example.kr/v1/messages',
      NOTIFY_HTTP_TOKEN: 'secret',
      NOTIFY_HTTP_TIMEOUT_MS: '2500',
      NOTIFY_SWEEP_SECONDS: '0',
    });
    expect(config.notifications).toMatchObject({
      provider: {
        kind: 'http',
        url: 'https://sms.example.kr/v1/messages',
        token: 'secret',
        timeoutMs: 2500,
      },
      sweepEveryMs: 0,
    });
  });

  it('refuses the HTTP provider without a gateway address, or with a malformed one', () => {
    expect(() => loadAppConfig({ NOTIFY_PROVIDER: 'http' })).toThrow(/NOTIFY_HTTP_URL/);
    expect(() =>
      loadAppConfig({ NOTIFY_PROVIDER: 'http', NOTIFY_HTTP_URL: 'sms.example.kr' }),
    ).toThrow(/NOTIFY_HTTP_URL: https:\/\/host\/path/);
    expect(() => loadAppConfig({ NOTIFY_PROVIDER: 'kakao' })).toThrow(/NOTIFY_PROVIDER/);
  });
});
