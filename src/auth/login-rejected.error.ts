import { HttpStatus } from '@nestjs/common';
import { PageError } from '../shared/http/domain-error';

export const GENERIC_LOGIN_FAILURE = '아이디 또는 비밀번호가 올바르지 않습니다.';

export function lockedMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `로그인 실패가 반복되어 잠시 잠겼습니다. ${minutes}분 후에 다시 시도하세요.`;
}

export class LoginRejectedError extends PageError {
  constructor(message: string, username: string, status: HttpStatus = HttpStatus.UNAUTHORIZED) {
    super(message, 'auth/login', status, {
      title: '로그인',
      layout: 'layouts/bare',
      form: { username },
      formError: message,
    });
  }
}
