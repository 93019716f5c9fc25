import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.provider';
import { AuditService } from '../users/audit.service';
import { AuthService } from './auth.service';
import { LoginSessionService, REMEMBER_COOKIE } from './login-session.service';
import { RememberMeService } from './sessions/remember-me.service';
import { UserSessionsService } from './sessions/user-sessions.service';

// Puts the signed-in user on the request: from the session, or by a remember-me cookie when
// the session has ended. The user is a snapshot taken at sign-in; anything that changes a
// user's rights (role, password, deactivation) ends all their sessions instead of being
// re-read on every request.
@Injectable()
export class SessionAuthMiddleware implements NestMiddleware {
  constructor(
    private readonly auth: AuthService,
    private readonly login: LoginSessionService,
    private readonly rememberMe: RememberMeService,
    private readonly userSessions: UserSessionsService,
    private readonly audit: AuditService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    if (!req.session) return next();
    const { user, authenticatedAt = 0 } = req.session;
    if (user && Date.now() - authenticatedAt <= this.config.session.absoluteMs) {
      req.user = user;
      res.locals.currentUser = user;
      return next();
    }
    if (user) await this.login.endExpired(req);
    const cookie = req.cookies?.[REMEMBER_COOKIE];
    if (cookie) await this.signInByCookie(req, res, cookie);
    next();
  }

  private async signInByCookie(req: Request, res: Response, cookie: string): Promise<void> {
    const outcome = await this.rememberMe.consume(cookie);
    if (outcome.kind === 'rejected') return this.login.clearRememberCookie(req, res);
    if (outcome.kind === 'theft') {
      await this.userSessions.revokeAll(outcome.userId);
      await this.audit.record({
        action: 'REMEMBER_TOKEN_THEFT',
        actorId: outcome.userId,
        ip: req.ip,
        detail: { userAgent: req.headers['user-agent'] ?? null },
      });
      return this.login.clearRememberCookie(req, res);
    }
    const user = await this.auth.loadActiveUser(outcome.userId);
    if (!user) {
      await this.rememberMe.revokeByCookie(cookie);
      return this.login.clearRememberCookie(req, res);
    }
    await this.login.signIn(req, res, user, { remember: false, via: 'REMEMBER_LOGIN' });
    if (outcome.rotatedCookie) this.login.setRememberCookie(req, res, outcome.rotatedCookie);
  }
}
