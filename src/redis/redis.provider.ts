import { Inject, Provider } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.provider';

export const REDIS = Symbol('REDIS');
export const InjectRedis = () => Inject(REDIS);

// With ioredis defaults a request waits 10–200 s while Redis is down. These settings make
// every command fail within about a second so pages answer 503 instead of hanging.
const FAIL_FAST: RedisOptions = {
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  commandTimeout: 1000,
  connectTimeout: 2000,
  retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
};

export function createRedisClient(config: AppConfig['redis']): Redis {
  const client = config.sentinels?.length
    ? new Redis({
        ...FAIL_FAST,
        sentinels: config.sentinels,
        name: config.sentinelName,
        password: config.password,
        sentinelPassword: config.password,
      })
    : new Redis(config.url, { ...FAIL_FAST, password: config.password });
  // Failures surface on the command that hit them (503) and in /readyz; the connection-level
  // event would otherwise print an unhandled-error warning on every reconnect attempt.
  client.on('error', () => undefined);
  return client;
}

export const RedisProvider: Provider = {
  provide: REDIS,
  inject: [APP_CONFIG],
  useFactory: async (config: AppConfig) => {
    const client = createRedisClient(config.redis);
    await waitUntilReady(client);
    return client;
  },
};

// The offline queue is off, so commands sent before the first connect would fail; wait for it,
// and refuse to start when Redis never answers.
function waitUntilReady(client: Redis, timeoutMs = 5000): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.disconnect();
      reject(new Error(`Redis에 연결할 수 없습니다 (${timeoutMs / 1000}초 초과)`));
    }, timeoutMs);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
