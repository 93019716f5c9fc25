import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import { NotAuthenticatedError } from './domain-error';

export interface RequestActor {
  id: number;
  username: string;
  ip?: string;
}

export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestActor => {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (!req.user) throw new NotAuthenticatedError();
    return { id: req.user.id, username: req.user.username, ip: req.ip };
  },
);
