import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldErrors, FormValidationError } from './domain-error';

// A constraint without our own message speaks class-validator's English ("page must not be
// less than 1"); what reaches a person is Korean.
const HANGUL = /[가-힣]/;
const UNEXPLAINED = '입력값이 올바르지 않습니다. 새로고침 후 다시 시도하세요.';

function collect(errors: ValidationError[], out: FieldErrors, unknown: string[], prefix = '') {
  for (const error of errors) {
    const key = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints?.whitelistValidation) unknown.push(key);
    else if (error.constraints) {
      const message = Object.values(error.constraints)[0];
      out[key] = HANGUL.test(message) ? message : UNEXPLAINED;
    }
    if (error.children?.length) collect(error.children, out, unknown, key);
  }
}

function toFormValidationError(errors: ValidationError[]): FormValidationError {
  const fieldErrors: FieldErrors = {};
  const unknown: string[] = [];
  collect(errors, fieldErrors, unknown);
  return new FormValidationError(fieldErrors, unknown);
}

export const formValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: toFormValidationError,
  });
