import type { PoolConfig } from 'mariadb';

// One place that turns DATABASE_URL into driver settings, so the app, the migrator
// and the tests agree on time zone and character set.
export function poolConfigFromUrl(url: string, connectionLimit = 10): PoolConfig {
  const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || undefined,
    connectionLimit,
    // The Prisma adapter mis-serialises dates unless the session time zone is UTC.
    timezone: '+00:00',
    charset: 'utf8mb4',
    connectTimeout: 5_000,
    acquireTimeout: 10_000,
  };
}

export function databaseName(url: string): string {
  const name = poolConfigFromUrl(url).database;
  if (!name) throw new Error('DATABASE_URL에 데이터베이스 이름이 없습니다');
  return name;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
