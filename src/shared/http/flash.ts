import type { Request } from 'express';
import type { Flash } from '../../auth/session-user';

// Shown once on the next page the user sees (post/redirect/get).
export function flash(req: Request, type: Flash['type'], message: string): void {
  if (!req.session) return;
  req.session.flash = [...(req.session.flash ?? []), { type, message }];
}

export function takeFlash(req: Request): Flash[] {
  const messages = req.session?.flash ?? [];
  if (req.session?.flash) delete req.session.flash;
  return messages;
}
