import { Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.provider';
import { AuditService } from '../users/audit.service';
import { UsersService } from '../users/users.service';
import { RememberMeService } from './sessions/remember-me.service';
import { SessionRegistry } from './sessions/session-registry.service';
import { SessionUser } from './session-user';

export const REMEMBER_COOKIE = 'oms.remember';
export const SESSION_COOKIE = 'oms.sid';

const regenerate = (req: Request) =>
  new Promise<void>((resolve, reject) =>
    req.session.regenerate((e) => (e ? reject(e) : resolve())),
  );
const save = (req: Request) =>
  new Promise<void>((resolve, reject) => req.session.save((e) => (e ? reject(e) : resolve())));
const destroy = (req: Request) =>
  new Promise<void>((resolve, reject) => req.session.destroy((e) => (e ? reject(e) : resolve())));

@Injectable()
export class LoginSessionService {
  constructor(
    private readonly rememberMe: RememberMeService,
    private readonly registry: SessionRegistry,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  // A new session id at every sign-in: an id planted before login (fixation) is worthless.
  async signIn(
    req: Request,
    res: Response,
    user: SessionUser,
    options: { remember: boolean; via?: 'LOGIN' | 'REMEMBER_LOGIN' },
  ) {
    await regenerate(req);
    req.session.user = user;
    req.session.authenticatedAt = Date.now();
    await save(req);
    await this.registry.track(user.id, req.sessionID);
    req.user = user;
    res.locals.currentUser = user;
    if (options.remember) {
      const cookie = await this.rememberMe.issue(user.id, req.headers['user-agent']);
      this.setRememberCookie(req, res, cookie);
    }
    if (!options.via) return;
    await this.users.recordLogin(user.id);
    await this.audit.record({
      action: options.via,
      actorId: user.id,
      username: user.username,
      ip: req.ip,
    });
  }

  async signOut(req: Request, res: Response): Promise<void> {
    const user = req.session.user;
    await this.rememberMe.revokeByCookie(req.cookies?.[REMEMBER_COOKIE]);
    if (user) await this.registry.forget(user.id, req.sessionID);
    await destroy(req);
    res.clearCookie(SESSION_COOKIE, this.cookieBase(req));
    res.clearCookie(REMEMBER_COOKIE, this.cookieBase(req));
    if (user)
      await this.audit.record({
        action: 'LOGOUT',
        actorId: user.id,
        username: user.username,
        ip: req.ip,
      });
  }

  // Past the absolute lifetime the session is replaced by an empty one (not destroyed, so the
  // rest of this request still has a session to put a CSRF token or flash message in).
  async endExpired(req: Request): Promise<void> {
    const user = req.session.user;
    if (user) await this.registry.forget(user.id, req.sessionID);
    await regenerate(req);
  }

  setRememberCookie(req: Request, res: Response, value: string): void {
    res.cookie(REMEMBER_COOKIE, value, {
      ...this.cookieBase(req),
      maxAge: this.config.rememberMe.maxAgeMs,
    });
  }

  clearRememberCookie(req: Request, res: Response): void {
    res.clearCookie(REMEMBER_COOKIE, this.cookieBase(req));
  }

  private cookieBase(req: Request): CookieOptions {
    const secure = this.config.session.cookieSecure;
    return {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: secure === 'auto' ? req.secure : secure,
    };
  }
}
