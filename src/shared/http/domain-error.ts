import { HttpStatus } from '@nestjs/common';

// A rule of the business was broken; the message is shown to the user as is (Korean).
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: HttpStatus = HttpStatus.UNPROCESSABLE_ENTITY,
  ) {
    super(message);
  }
}

export class NotAuthenticatedError extends Error {}

export type FieldErrors = Record<string, string>;

// A submitted form broke its rules; the page is rendered again with the input and these errors.
export class FormValidationError extends Error {
  constructor(
    readonly fieldErrors: FieldErrors,
    unknownFields: string[] = [],
  ) {
    super(
      unknownFields.length
        ? `허용되지 않는 항목입니다: ${unknownFields.join(', ')}`
        : '입력값을 확인하세요.',
    );
  }
}

export class ServiceUnavailableError extends Error {}

// An error that is answered with a specific page (e.g. the login form with its message).
export class PageError extends Error {
  constructor(
    message: string,
    readonly view: string,
    readonly status: number,
    readonly locals: Record<string, unknown>,
  ) {
    super(message);
  }
}
