import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Observable, catchError, from, mergeMap, throwError } from 'rxjs';
import { FORM_VIEW_KEY, FormViewOptions } from './form-view.decorator';

export class FormRejected extends Error {
  constructor(
    readonly form: FormViewOptions,
    readonly cause: Error,
    readonly model: Record<string, unknown>,
  ) {
    super(cause.message);
  }
}

@Injectable()
export class FormViewInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const form = this.reflector.get<FormViewOptions | undefined>(
      FORM_VIEW_KEY,
      context.getHandler(),
    );
    if (!form) return next.handle();
    return next
      .handle()
      .pipe(
        catchError((error: Error) =>
          from(this.loadModel(form, context)).pipe(
            mergeMap((model) => throwError(() => new FormRejected(form, error, model))),
          ),
        ),
      );
  }

  private async loadModel(form: FormViewOptions, context: ExecutionContext) {
    if (!form.model) return {};
    const controller: unknown = this.moduleRef.get(context.getClass(), { strict: false });
    return form.model(controller as never, context.switchToHttp().getRequest<Request>());
  }
}
