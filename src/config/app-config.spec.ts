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
});
