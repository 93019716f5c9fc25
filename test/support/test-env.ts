import { withDatabase } from '../../src/database/database-url';

// Tests run against real MariaDB and Redis. Each Jest worker gets its own database
// (oms_test_<worker>) and its own Redis logical database, so suites never see each other.
export const BASE_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'mysql://oms:oms@127.0.0.1:3306/oms';
export const BASE_REDIS_URL =
  process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

// TEST_DB_PREFIX / TEST_REDIS_DB_BASE let two test runs share one machine without wiping each other.
const DB_PREFIX = process.env.TEST_DB_PREFIX ?? 'oms_test';
const REDIS_DB_BASE = Number(process.env.TEST_REDIS_DB_BASE ?? 1);

export const workerDatabaseName = (worker: number | string) => `${DB_PREFIX}_${worker}`;

export function workerDatabaseUrl(worker: number | string): string {
  return withDatabase(BASE_DATABASE_URL, workerDatabaseName(worker));
}

export function workerRedisUrl(worker: number | string): string {
  const url = new URL(BASE_REDIS_URL);
  url.pathname = `/${REDIS_DB_BASE + (Number(worker) % 8)}`;
  return url.toString();
}
