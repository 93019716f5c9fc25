import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { LoginRejectedError } from './login-rejected.error';

@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  // passport-local answers an empty field with "Missing credentials" and no user.
  handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw new LoginRejectedError('아이디와 비밀번호를 입력하세요.', '');
    return user;
  }
}
