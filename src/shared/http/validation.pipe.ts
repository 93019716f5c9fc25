import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldErrors, FormValidationError } from './domain-error';

function collect(errors: ValidationError[], prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const error of errors) {
    const key = prefix ? `${prefix}.${error.property}` : error.property;
    const first = error.constraints?.whitelistValidation
      ? '허용되지 않는 항목입니다.'
      : error.constraints && Object.values(error.constraints)[0];
    if (first) out[key] = first;
    if (error.children?.length) Object.assign(out, collect(error.children, key));
  }
  return out;
}

export const formValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new FormValidationError(collect(errors)),
  });
