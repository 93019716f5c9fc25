import { buildPagination, hrefWith } from './pagination';

describe('pagination links', () => {
  it('keep filters and sort when moving between pages', () => {
    const p = buildPagination({
      path: '/orders',
      query: { status: 'NEW', sort: '-orderedAt', page: '2' },
      page: 2,
      pageSize: 50,
      total: 500,
    });
    const next = p.links.find((l) => l.label === '다음');
    expect(next?.href).toBe('/orders?status=NEW&sort=-orderedAt&page=3');
    expect(p.pageCount).toBe(10);
  });

  it('disables 이전 on the first page and 다음 on the last', () => {
    const first = buildPagination({ path: '/a', query: {}, page: 1, pageSize: 10, total: 10 });
    expect(first.links[0]).toMatchObject({ label: '이전', href: null });
    expect(first.links.at(-1)).toMatchObject({ label: '다음', href: null });
  });

  it('shows one page for an empty list', () => {
    expect(
      buildPagination({ path: '/a', query: {}, page: 1, pageSize: 10, total: 0 }).pageCount,
    ).toBe(1);
  });

  it('drops empty values and repeats array values', () => {
    expect(hrefWith('/o', { q: '', status: ['NEW', 'CONFIRMED'] }, {})).toBe(
      '/o?status=NEW&status=CONFIRMED',
    );
  });
});
