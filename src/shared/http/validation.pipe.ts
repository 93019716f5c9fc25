import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldErrors, FormValidationError } from './domain-error';

function collect(errors: ValidationError[], out: FieldErrors, unknown: string[], prefix = '') {
  for (const error of errors) {
    const key = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints?.whitelistValidation) unknown.push(key);
    else if (error.constraints) out[key] = Object.values(error.constraints)[0];
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
