import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { RedisStore } from 'connect-redis';
import cookieParser from 'cookie-parser';
import { csrfSync } from 'csrf-sync';
import express, { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import Redis from 'ioredis';
import { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/config.provider';
import { SESSION_COOKIE } from './auth/login-session.service';
import { REDIS } from './redis/redis.provider';
import { ERROR_PAGES, sendErrorPage } from './shared/http/error-page';
import { takeFlash } from './shared/http/flash';
import { isInfrastructureDown } from './shared/http/infrastructure-errors';
import { navigationMenuFor } from './shared/views/navigation';
import { metricsMiddleware } from './observability/metrics';
import { registerViewHelpers } from './shared/views/view-helpers';

export const ROOT_DIR = join(__dirname, '..');

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  // Multipart uploads are parsed after this middleware runs, so they send the token in the
  // header (our upload script does); plain forms send it as a hidden field.
  getTokenFromRequest: (req) =>
    (req.headers['x-csrf-token'] as string | undefined) ?? (req.body?._csrf as string | undefined),
});

function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  csrfSynchronisedProtection(req, res, (error?: unknown) => {
    if (!error && req.body && typeof req.body === 'object') delete req.body._csrf;
    next(error);
  });
}

// Values every page may use. Getters, so a redirect does not consume the flash message and a
// JSON endpoint does not mint a CSRF token.
function viewLocals(req: Request, res: Response, next: NextFunction): void {
  Object.defineProperties(res.locals, {
    csrfToken: { enumerable: true, get: () => (req.session ? generateToken(req) : '') },
    flash: { enumerable: true, get: () => takeFlash(req) },
    nav: { enumerable: true, get: () => navigationMenuFor(req.user?.role, req.path) },
  });
  next();
}

// Errors raised by the global middleware above (session store down, bad CSRF token) happen
// before any Nest route, so Nest's exception filter never sees them.
function middlewareErrors(error: unknown, req: Request, res: Response, next: NextFunction): void {
  const { code, type, status } = error as { code?: string; type?: string; status?: number };
  if (code === 'EBADCSRFTOKEN') return sendErrorPage(req, res, ERROR_PAGES.csrf);
  if (type === 'entity.too.large') return sendErrorPage(req, res, ERROR_PAGES.tooLarge);
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return sendErrorPage(req, res, { ...ERROR_PAGES.badRequest, status });
  }
  if (isInfrastructureDown(error)) return sendErrorPage(req, res, ERROR_PAGES.unavailable);
  next(error);
}

const OPERATIONS_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

// Every page needs the session store. While Redis is away, answer 503 at once, before a
// login form is shown that could not be submitted anyway; the operations endpoints still
// answer so the orchestrator can see what is wrong.
function requireSessionStore(redis: Redis) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (redis.status === 'ready' || OPERATIONS_PATHS.has(req.path)) return next();
    sendErrorPage(req, res, ERROR_PAGES.unavailable);
  };
}

export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get<AppConfig>(APP_CONFIG);
  const redis = app.get<Redis>(REDIS);

  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.setBaseViewsDir(join(ROOT_DIR, 'views'));
  app.setViewEngine('hbs');
  app.set('view options', { layout: 'layouts/main' });
  registerViewHelpers(join(ROOT_DIR, 'views', 'partials'));

  app.use(metricsMiddleware);
  app.use(helmet({ contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } } }));
  app.use(
    '/static/bootstrap',
    express.static(join(ROOT_DIR, 'node_modules', 'bootstrap', 'dist'), { maxAge: '7d' }),
  );
  // A Korean web font from our own server: drivers' phones and kiosk PCs without Korean fonts
  // still show Hangul (the CSS splits it by unicode-range, so only used glyphs are fetched).
  app.use(
    '/static/fonts/noto-sans-kr',
    express.static(join(ROOT_DIR, 'node_modules', '@fontsource', 'noto-sans-kr'), {
      maxAge: '30d',
    }),
  );
  app.use('/static', express.static(join(ROOT_DIR, 'public'), { maxAge: '1h' }));
  app.use(cookieParser());
  app.use(requireSessionStore(redis));
  app.use(
    session({
      name: SESSION_COOKIE,
      store: new RedisStore({ client: redis, prefix: `${config.redis.keyPrefix}sess:` }),
      secret: config.session.secret,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.session.cookieSecure,
        maxAge: config.session.idleMs,
      },
    }),
  );
  app.use(express.urlencoded({ extended: true, limit: '1mb' }));
  app.use(express.json({ limit: '1mb' }));
  app.use(csrfProtection);
  app.use(viewLocals);
  app.use(middlewareErrors);
  app.enableShutdownHooks();
  return app;
}
