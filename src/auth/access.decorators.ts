import { SetMetadata } from '@nestjs/common';
import { Role } from '../generated/prisma/enums';

export const ACCESS_KEY = 'oms:access';

export type AccessPolicy = { public: true } | { roles: readonly Role[] };

// Every route must say who may call it; the guard denies any route that names no policy.
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessPolicy);
export const Roles = (...roles: Role[]) =>
  SetMetadata(ACCESS_KEY, { roles } satisfies AccessPolicy);
export const AnyRole = () => Roles(Role.ADMIN, Role.CLERK, Role.DELIVERY);
