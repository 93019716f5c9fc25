import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';
import { AppConfig } from '../config/app-config';

const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

// JSON lines with a request id that is also returned to the client (x-request-id), so a
// clerk's screenshot of an error page leads straight to the log line.
export function pinoHttpOptions(config: AppConfig): Options {
  return {
    level: config.logLevel,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers['x-request-id'];
      const id =
        typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    autoLogging: {
      ignore: (req) => QUIET_PATHS.has(req.url ?? '') || (req.url ?? '').startsWith('/static/'),
    },
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    customProps: (req) => {
      const user = (req as IncomingMessage & { user?: { username: string } }).user;
      return user ? { user: user.username } : {};
    },
  };
}
