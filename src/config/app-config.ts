import { z } from 'zod';

const DEV_SESSION_SECRET = 'dev-only-session-secret-change-me-0123456789';

// The supplier printed on 거래명세서 on a developer machine; a real install names its own.
const DEMO_COMPANY = {
  COMPANY_NAME: '(주)데모침대',
  COMPANY_REGISTRATION_NO: '123-45-67890',
  COMPANY_REPRESENTATIVE: '홍길동',
  COMPANY_ADDRESS: '경상북도 구미시 산업로 1 (데모 주소)',
  COMPANY_PHONE: '054-000-0000',
} as const;

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
    COMPANY_NAME: z.string().max(100, '100자 이내여야 합니다').default(DEMO_COMPANY.COMPANY_NAME),
    COMPANY_REGISTRATION_NO: z
      .string()
      .regex(/^\d{3}-\d{2}-\d{5}$/, '000-00-00000 형식이어야 합니다')
      .default(DEMO_COMPANY.COMPANY_REGISTRATION_NO),
    COMPANY_REPRESENTATIVE: z
      .string()
      .max(50, '50자 이내여야 합니다')
      .default(DEMO_COMPANY.COMPANY_REPRESENTATIVE),
    COMPANY_ADDRESS: z
      .string()
      .max(200, '200자 이내여야 합니다')
      .default(DEMO_COMPANY.COMPANY_ADDRESS),
    COMPANY_PHONE: z
      .string()
      .regex(/^0\d{1,3}-\d{3,4}-\d{4}$/, '054-123-4567 형식이어야 합니다')
      .default(DEMO_COMPANY.COMPANY_PHONE),
    DEMO_PASSWORD: z.string().min(8, '8자 이상이어야 합니다').default('demo1234!'),
    BUNDLE_QUIET_HOURS: z.coerce.number().int().min(1).default(48),
    BUNDLE_AUTO_CLOSE_EVERY_MINUTES: z.coerce.number().int().min(0).default(10),
    NOTIFY_PROVIDER: z.enum(['log', 'http']).default('log'),
    NOTIFY_HTTP_URL: z
      .string()
      .regex(/^https?:\/\/[^\s/]+\S*$/, 'https://host/path 형식이어야 합니다')
      .optional(),
    NOTIFY_HTTP_TOKEN: z.string().optional(),
    NOTIFY_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
    NOTIFY_SWEEP_SECONDS: z.coerce.number().int().min(0).default(30),
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
    // A statement is a business document: never the demo company on a real one.
    for (const [key, demo] of Object.entries(DEMO_COMPANY)) {
      if (env.NODE_ENV === 'production' && env[key as keyof typeof DEMO_COMPANY] === demo) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: '운영 환경에서는 거래명세서의 공급자 정보를 직접 지정해야 합니다',
        });
      }
    }
    if (env.NOTIFY_PROVIDER === 'http' && !env.NOTIFY_HTTP_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['NOTIFY_HTTP_URL'],
        message: 'NOTIFY_PROVIDER=http 이면 반드시 지정해야 합니다',
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
  // The supplier block of every statement (거래명세서).
  company: {
    name: string;
    registrationNo: string;
    representative: string;
    address: string;
    phone: string;
  };
  logLevel: Env['LOG_LEVEL'];
  // An open bundle quiet this long closes by itself; the check runs every `checkEveryMs` (0: off).
  bundleAutoClose: { quietMs: number; checkEveryMs: number };
  // Customer messages: who sends them, how many automatic attempts, how often the sweep runs (0: off).
  notifications: {
    provider: NotificationProviderConfig;
    maxAttempts: number;
    sweepEveryMs: number;
  };
}

// 'log' only records each message in the notification log; 'http' posts it to a gateway.
export type NotificationProviderConfig =
  { kind: 'log' } | { kind: 'http'; url: string; token?: string; timeoutMs: number };

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
    company: {
      name: env.COMPANY_NAME,
      registrationNo: env.COMPANY_REGISTRATION_NO,
      representative: env.COMPANY_REPRESENTATIVE,
      address: env.COMPANY_ADDRESS,
      phone: env.COMPANY_PHONE,
    },
    logLevel: env.LOG_LEVEL,
    bundleAutoClose: {
      quietMs: env.BUNDLE_QUIET_HOURS * 60 * MINUTE,
      checkEveryMs: env.BUNDLE_AUTO_CLOSE_EVERY_MINUTES * MINUTE,
    },
    notifications: {
      provider:
        env.NOTIFY_PROVIDER === 'http' && env.NOTIFY_HTTP_URL
          ? {
              kind: 'http',
              url: env.NOTIFY_HTTP_URL,
              token: env.NOTIFY_HTTP_TOKEN,
              timeoutMs: env.NOTIFY_HTTP_TIMEOUT_MS,
            }
          : { kind: 'log' },
      maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
      sweepEveryMs: env.NOTIFY_SWEEP_SECONDS * 1000,
    },
  };
}
