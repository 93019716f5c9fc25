import type { Request } from 'express';
import { Role } from '../generated/prisma/enums';
import { NotAuthenticatedError } from '../shared/http/domain-error';

export interface Viewer {
  id: number;
  role: Role;
}

export function viewerOf(req: Request): Viewer {
  if (!req.user) throw new NotAuthenticatedError();
  return { id: req.user.id, role: req.user.role };
}

// A driver works only on the runs assigned to him; the office sees and may act on all.
export function seesOwnRunsOnly(viewer: Viewer): boolean {
  return viewer.role === Role.DELIVERY;
}

export function mayWorkOn(viewer: Viewer, run: { driverId: number } | null): boolean {
  return !seesOwnRunsOnly(viewer) || run?.driverId === viewer.id;
}
