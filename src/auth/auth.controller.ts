import {
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  Render,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { AnyRole, Public } from './access.decorators';
import { LocalAuthGuard } from './local-auth.guard';
import { LoginSessionService } from './login-session.service';

// Only same-site paths: an open redirect after login is a phishing tool.
export function safeNextPath(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}

@Controller()
export class AuthController {
  constructor(private readonly login: LoginSessionService) {}

  @Get('login')
  @Public()
  @Render('auth/login')
  loginPage(
    @Req() req: Request,
    @Query('next') next?: string,
    @Query('loggedOut') loggedOut?: string,
  ) {
    return {
      title: '로그인',
      layout: 'layouts/bare',
      form: { next: safeNextPath(next) },
      info: loggedOut
        ? '로그아웃했습니다.'
        : req.user
          ? `${req.user.displayName}님으로 로그인되어 있습니다.`
          : null,
    };
  }

  @Post('login')
  @Public()
  @UseGuards(LocalAuthGuard)
  @HttpCode(302)
  async signIn(@Req() req: Request, @Res() res: Response) {
    const user = req.user!;
    const remember = ['on', 'true', '1'].includes(String(req.body?.remember));
    await this.login.signIn(req, res, user, { remember, via: 'LOGIN' });
    res.redirect(safeNextPath(req.body?.next));
  }

  @Post('logout')
  @AnyRole()
  async signOut(@Req() req: Request, @Res() res: Response) {
    await this.login.signOut(req, res);
    res.redirect('/login?loggedOut=1');
  }
}
