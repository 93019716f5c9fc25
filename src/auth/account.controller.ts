import { Body, Controller, Get, Post, Redirect, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentActor, RequestActor } from '../shared/http/current-actor.decorator';
import { flash } from '../shared/http/flash';
import { FormView } from '../shared/http/form-view.decorator';
import { ChangeOwnPasswordForm } from '../users/dto/user-forms';
import { UsersService } from '../users/users.service';
import { AnyRole } from './access.decorators';
import { LoginSessionService } from './login-session.service';

@Controller('account')
@AnyRole()
export class AccountController {
  constructor(
    private readonly users: UsersService,
    private readonly login: LoginSessionService,
  ) {}

  @Get('password')
  @Render('auth/password')
  passwordPage() {
    return { title: '비밀번호 변경', form: {}, errors: {} };
  }

  @Post('password')
  @FormView('auth/password', { title: '비밀번호 변경' })
  @Redirect('/')
  async changePassword(
    @Body() form: ChangeOwnPasswordForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.users.changeOwnPassword(
      actor,
      form.currentPassword,
      form.newPassword,
      form.confirmPassword,
    );
    // Every session and remember-me token of the user was just ended; keep this one device
    // signed in with a fresh session.
    await this.login.signIn(req, res, req.user!, { remember: false });
    flash(req, 'success', '비밀번호를 바꿨습니다. 다른 기기의 로그인은 모두 종료되었습니다.');
  }
}
