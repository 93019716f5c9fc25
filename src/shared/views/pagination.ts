export interface PageLink {
  label: string;
  href: string | null;
  active?: boolean;
}

export interface Pagination {
  total: number;
  page: number;
  pageCount: number;
  links: PageLink[];
}

// Links keep every other query parameter, so filters and sort survive paging.
export function hrefWith(
  path: string,
  query: Record<string, unknown>,
  changes: Record<string, unknown>,
) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...changes })) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export function buildPagination(params: {
  path: string;
  query: Record<string, unknown>;
  page: number;
  pageSize: number;
  total: number;
  window?: number;
}): Pagination {
  const { path, query, page, pageSize, total, window = 2 } = params;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const link = (n: number, label = String(n)): PageLink => ({
    label,
    href: n >= 1 && n <= pageCount && n !== page ? hrefWith(path, query, { page: n }) : null,
    active: n === page && label === String(n),
  });
  const from = Math.max(1, page - window);
  const to = Math.min(pageCount, page + window);
  const links: PageLink[] = [link(page - 1, '이전')];
  if (from > 1) links.push(link(1), ...(from > 2 ? [{ label: '…', href: null }] : []));
  for (let n = from; n <= to; n++) links.push(link(n));
  if (to < pageCount)
    links.push(...(to < pageCount - 1 ? [{ label: '…', href: null }] : []), link(pageCount));
  links.push(link(page + 1, '다음'));
  return { total, page, pageCount, links };
}
