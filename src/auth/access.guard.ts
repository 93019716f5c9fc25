import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { NotAuthenticatedError } from '../shared/http/domain-error';
import { ACCESS_KEY, AccessPolicy } from './access.decorators';

// Deny by default: NestJS's documented RolesGuard lets through any route without @Roles,
// which turns one forgotten decorator into an open admin page.
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) {
      this.logger.error(
        `${context.getClass().name}.${context.getHandler().name} has no access policy`,
      );
      throw new ForbiddenException();
    }
    if ('public' in policy) return true;
    const user = context.switchToHttp().getRequest<Request>().user;
    if (!user) throw new NotAuthenticatedError();
    if (!policy.roles.includes(user.role)) throw new ForbiddenException();
    return true;
  }
}
