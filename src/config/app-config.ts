import { z } from 'zod';

const DEV_SESSION_SECRET = 'dev-only-session-secret-change-me-0123456789';

const boolFromEnv = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^mysql:\/\/|^mariadb:\/\//, 'mysql://user:password@host:3306/db 형식이어야 합니다')
      .default('mysql://oms:oms@127.0.0.1:3306/oms'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'redis://host:6379/0 형식이어야 합니다')
      .default('redis://127.0.0.1:6379/0'),
    REDIS_SENTINELS: z
      .string()
      .regex(/^[^,:\s]+:\d+(,[^,:\s]+:\d+)*$/, 'host:port,host:port 형식이어야 합니다')
      .optional(),
    REDIS_SENTINEL_NAME: z.string().min(1).default('mymaster'),
    REDIS_PASSWORD: z.string().optional(),
    REDIS_KEY_PREFIX: z.string().default('oms:'),
    SESSION_SECRET: z.string().min(32, '32자 이상이어야 합니다').default(DEV_SESSION_SECRET),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
    REMEMBER_ME_DAYS: z.coerce.number().int().min(1).default(30),
    REMEMBER_ME_IDLE_DAYS: z.coerce.number().int().min(1).default(14),
    REMEMBER_ME_GRACE_SECONDS: z.coerce.number().int().min(0).default(60),
    LOGIN_MAX_FAILURES_PER_USER: z.coerce.number().int().min(1).default(5),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    TRUST_PROXY: z.coerce.number().int().min(0).default(0),
    COOKIE_SECURE: boolFromEnv.optional(),
    DEMO_PASSWORD: z.string().min(8, '8자 이상이어야 합니다').default('demo1234!'),
    BUNDLE_QUIET_HOURS: z.coerce.number().int().min(1).default(48),
    BUNDLE_AUTO_CLOSE_EVERY_MINUTES: z.coerce.number().int().min(0).default(10),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.SESSION_SECRET === DEV_SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: '운영 환경에서는 반드시 직접 지정해야 합니다',
      });
    }
  });

type Env = z.infer<typeof schema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  port: number;
  database: { url: string; poolSize: number };
  redis: {
    url: string;
    sentinels?: Array<{ host: string; port: number }>;
    sentinelName: string;
    password?: string;
    keyPrefix: string;
  };
  session: { secret: string; idleMs: number; absoluteMs: number; cookieSecure: boolean | 'auto' };
  rememberMe: { maxAgeMs: number; idleMs: number; graceMs: number };
  loginThrottle: { maxPerUser: number; maxPerIp: number; lockSeconds: number };
  trustProxy: number;
  demoPassword: string;
  logLevel: Env['LOG_LEVEL'];
  // An open bundle quiet this long closes by itself; the check runs every `checkEveryMs` (0: off).
  bundleAutoClose: { quietMs: number; checkEveryMs: number };
}

export class ConfigError extends Error {}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// Parsed once at start-up; every bad key is named in one message so an operator fixes
// the environment in one go instead of one restart per key.
export function loadAppConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`환경 변수 설정이 잘못되었습니다:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    port: env.PORT,
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE },
    redis: {
      url: env.REDIS_URL,
      sentinels: env.REDIS_SENTINELS?.split(',').map((hp) => {
        const [host, port] = hp.split(':');
        return { host, port: Number(port) };
      }),
      sentinelName: env.REDIS_SENTINEL_NAME,
      password: env.REDIS_PASSWORD,
      keyPrefix: env.REDIS_KEY_PREFIX,
    },
    session: {
      secret: env.SESSION_SECRET,
      idleMs: env.SESSION_IDLE_MINUTES * MINUTE,
      absoluteMs: env.SESSION_ABSOLUTE_HOURS * 60 * MINUTE,
      cookieSecure: env.COOKIE_SECURE ?? 'auto',
    },
    rememberMe: {
      maxAgeMs: env.REMEMBER_ME_DAYS * DAY,
      idleMs: env.REMEMBER_ME_IDLE_DAYS * DAY,
      graceMs: env.REMEMBER_ME_GRACE_SECONDS * 1000,
    },
    loginThrottle: {
      maxPerUser: env.LOGIN_MAX_FAILURES_PER_USER,
      maxPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
      lockSeconds: env.LOGIN_LOCK_MINUTES * 60,
    },
    trustProxy: env.TRUST_PROXY,
    demoPassword: env.DEMO_PASSWORD,
    logLevel: env.LOG_LEVEL,
    bundleAutoClose: {
      quietMs: env.BUNDLE_QUIET_HOURS * 60 * MINUTE,
      checkEveryMs: env.BUNDLE_AUTO_CLOSE_EVERY_MINUTES * MINUTE,
    },
  };
}
