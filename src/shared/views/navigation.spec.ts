import { navigationFor, navigationMenuFor } from './navigation';

describe('the top bar', () => {
  it('groups a clerk’s pages into menus and marks the one holding the current page', () => {
    const menu = navigationMenuFor('CLERK', '/delivery/runs/3');
    // A clerk's 관리 menu would hold only 상품 관리, so it is that link.
    expect(menu.map((m) => m.label)).toEqual(['대시보드', '주문', '배송', '출고', '상품 관리']);
    const delivery = menu.find((m) => m.label === '배송')!;
    expect(delivery.active).toBe(true);
    expect(delivery.items!.filter((i) => i.active).map((i) => i.label)).toEqual(['배송 계획']);
    expect(navigationMenuFor('ADMIN', '/').find((m) => m.label === '관리')!.items).toHaveLength(5);
  });

  it('shows a driver plain links, since each of his menus holds one page', () => {
    expect(navigationMenuFor('DELIVERY', '/delivery')).toEqual([
      { label: '대시보드', href: '/', active: false, items: null },
      { label: '배송', href: '/delivery', active: true, items: null },
    ]);
  });

  it('lists every page a role may open for the dashboard, admin pages only for admins', () => {
    expect(navigationFor('CLERK', '/').map((l) => l.href)).not.toContain('/admin/users');
    expect(navigationFor('ADMIN', '/').map((l) => l.href)).toContain('/admin/users');
    expect(navigationFor(undefined, '/')).toEqual([]);
  });
});
