import { workerDatabaseUrl, workerRedisUrl } from './test-env';

const worker = process.env.JEST_WORKER_ID ?? '1';
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = workerDatabaseUrl(worker);
process.env.REDIS_URL = workerRedisUrl(worker);
process.env.LOG_LEVEL = 'silent';
process.env.DEMO_PASSWORD = 'demo-pass-1234';
