import { Role } from '../generated/prisma/enums';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

export interface Flash {
  type: 'success' | 'danger' | 'warning' | 'info';
  message: string;
}

declare module 'express-session' {
  interface SessionData {
    user?: SessionUser;
    authenticatedAt?: number;
    flash?: Flash[];
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends SessionUser {}
  }
}
