import type { Request, Response } from 'express';

export interface ErrorPage {
  status: number;
  title: string;
  message: string;
}

export const ERROR_PAGES = {
  forbidden: { status: 403, title: '권한 없음', message: '이 페이지를 볼 권한이 없습니다.' },
  csrf: {
    status: 403,
    title: '보안 토큰 오류',
    message: '보안 토큰이 없거나 만료되었습니다. 페이지를 새로고침한 뒤 다시 시도하세요.',
  },
  badRequest: {
    status: 400,
    title: '잘못된 요청',
    message: '요청을 이해할 수 없습니다. 페이지를 새로고침한 뒤 다시 시도하세요.',
  },
  tooLarge: {
    status: 413,
    title: '요청이 너무 큽니다',
    message: '보낸 내용이 너무 큽니다. 파일은 업로드 화면에서 올려 주세요.',
  },
  notFound: { status: 404, title: '페이지 없음', message: '요청한 페이지를 찾을 수 없습니다.' },
  unavailable: {
    status: 503,
    title: '일시적인 장애',
    message: '서버의 저장소에 연결할 수 없습니다. 잠시 후 다시 시도하세요.',
  },
  internal: {
    status: 500,
    title: '오류',
    message: '처리 중 오류가 발생했습니다. 문제가 계속되면 관리자에게 알려 주세요.',
  },
} satisfies Record<string, ErrorPage>;

function wantsJson(req: Request): boolean {
  return Boolean(req.headers.accept?.includes('application/json')) && !req.accepts('html');
}

// Used both by the Nest exception filter and by the Express error handler that catches
// failures in global middleware (session store, CSRF) before any Nest route runs.
export function sendErrorPage(req: Request, res: Response, page: ErrorPage): void {
  if (res.headersSent) return;
  res.status(page.status);
  if (wantsJson(req)) {
    res.json({ error: page.title, message: page.message });
    return;
  }
  // The page must not depend on the session (it may be why we are here), so it is rendered
  // with the bare layout and no navigation.
  res.render('errors/error', { ...page, layout: 'layouts/bare' }, (renderError, html) => {
    if (renderError) res.type('text/plain').send(`${page.title}: ${page.message}`);
    else res.send(html);
  });
}
