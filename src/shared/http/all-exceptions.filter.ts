import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  ForbiddenException,
  HttpException,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, FormValidationError, NotAuthenticatedError, PageError } from './domain-error';
import { ERROR_PAGES, sendErrorPage } from './error-page';
import { FormRejected } from './form-view.interceptor';
import { isInfrastructureDown } from './infrastructure-errors';
import { FormViewOptions } from './form-view.decorator';

const HANGUL = /[가-힣]/;

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof FormRejected && this.renderForm(req, res, exception)) return;
    const error = exception instanceof FormRejected ? exception.cause : exception;

    if (error instanceof NotAuthenticatedError) {
      const next = req.method === 'GET' ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
      res.redirect(`/login${next}`);
      return;
    }
    if (error instanceof PageError) {
      res.status(error.status).render(error.view, error.locals);
      return;
    }
    if (error instanceof DomainError) {
      sendErrorPage(req, res, {
        status: error.status,
        title: '요청을 처리할 수 없습니다',
        message: error.message,
      });
      return;
    }
    if (error instanceof FormValidationError) {
      const detail = Object.values(error.fieldErrors).join(' ');
      sendErrorPage(req, res, {
        status: 400,
        title: '잘못된 요청',
        message: detail || error.message,
      });
      return;
    }
    if (error instanceof ForbiddenException) return sendErrorPage(req, res, ERROR_PAGES.forbidden);
    if (error instanceof NotFoundException) return sendErrorPage(req, res, ERROR_PAGES.notFound);
    if (error instanceof HttpException && error.getStatus() < 500) {
      // Our own refusals are Korean (an upload's size too: see SpreadsheetUpload); the
      // framework's and libraries' (ParseIntPipe, body-parser) are English and say nothing a
      // clerk can act on, so they get the page for their kind.
      if (HANGUL.test(error.message)) {
        return sendErrorPage(req, res, {
          status: error.getStatus(),
          title: '잘못된 요청',
          message: error.message,
        });
      }
      if (error.getStatus() === 413) return sendErrorPage(req, res, ERROR_PAGES.tooLarge);
      return sendErrorPage(req, res, { ...ERROR_PAGES.badRequest, status: error.getStatus() });
    }
    if (isInfrastructureDown(error)) {
      this.logger.warn(`backing service unavailable: ${(error as Error).message}`);
      return sendErrorPage(req, res, ERROR_PAGES.unavailable);
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    sendErrorPage(req, res, ERROR_PAGES.internal);
  }

  private renderForm(req: Request, res: Response, rejected: FormRejected): boolean {
    const { cause, form } = rejected;
    if (!(cause instanceof FormValidationError) && !(cause instanceof DomainError)) return false;
    const status = cause instanceof DomainError ? cause.status : 422;
    res
      .status(status)
      .render(form.view, { ...rejected.model, ...formLocals(form, req.body, cause) });
    return true;
  }
}

function formLocals(form: FormViewOptions, body: unknown, cause: Error) {
  return {
    title: form.title,
    ...form.locals,
    form: body ?? {},
    errors: cause instanceof FormValidationError ? cause.fieldErrors : {},
    formError: cause.message,
  };
}
