import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

export const FORM_VIEW_KEY = 'oms:form-view';

export interface FormViewOptions {
  view: string;
  title?: string;
  locals?: Record<string, unknown>;
  // Loads what the page needs besides the form (e.g. the record being edited), using the
  // controller instance that handled the request.
  model?: (controller: never, req: Request) => Promise<Record<string, unknown>>;
}

// Names the page a POST handler re-renders (422, with the user's input and Korean errors)
// when its form fails validation, so controllers stay one service call long.
export const FormView = (view: string, options: Omit<FormViewOptions, 'view'> = {}) =>
  SetMetadata(FORM_VIEW_KEY, { view, ...options });
