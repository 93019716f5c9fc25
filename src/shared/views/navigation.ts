import { Role } from '../../generated/prisma/enums';

type Menu = '주문' | '배송' | '출고' | '관리';

interface NavItem {
  label: string;
  href: string;
  roles: readonly Role[];
  // The top-bar menu it sits in; fifteen links in one row wrap on a laptop.
  menu?: Menu;
}

const EVERYONE = [Role.ADMIN, Role.CLERK, Role.DELIVERY] as const;
const DESK = [Role.ADMIN, Role.CLERK] as const;

const NAV: NavItem[] = [
  { label: '대시보드', href: '/', roles: EVERYONE },
  { label: '주문 목록', href: '/orders', roles: DESK, menu: '주문' },
  { label: '매장 주문 등록', href: '/orders/new', roles: DESK, menu: '주문' },
  { label: '주문 가져오기', href: '/imports', roles: DESK, menu: '주문' },
  { label: '상품 연결 검토', href: '/orders/listings', roles: DESK, menu: '주문' },
  { label: '배송', href: '/delivery', roles: EVERYONE, menu: '배송' },
  { label: '배송 묶음', href: '/delivery/bundles', roles: DESK, menu: '배송' },
  { label: '배송 계획', href: '/delivery/runs', roles: DESK, menu: '배송' },
  { label: '출고 처리', href: '/fulfillment', roles: DESK, menu: '출고' },
  { label: '알림 발송 기록', href: '/admin/notifications', roles: DESK, menu: '출고' },
  { label: '상품 관리', href: '/admin/catalog', roles: DESK, menu: '관리' },
  { label: '채널·양식', href: '/admin/channels', roles: [Role.ADMIN], menu: '관리' },
  { label: '배송 지역', href: '/admin/regions', roles: [Role.ADMIN], menu: '관리' },
  { label: '사용자 관리', href: '/admin/users', roles: [Role.ADMIN], menu: '관리' },
  { label: '감사 로그', href: '/admin/audit', roles: [Role.ADMIN], menu: '관리' },
];

// The most specific item wins: /orders/listings highlights 상품 연결 검토, not 주문 목록.
function isActive(href: string, path: string): boolean {
  if (href === '/') return path === '/';
  if (!path.startsWith(href)) return false;
  return !NAV.some(
    (other) =>
      other.href.length > href.length && other.href.startsWith(href) && path.startsWith(other.href),
  );
}

export interface NavLink {
  label: string;
  href: string;
  active: boolean;
}

// Every page this role may open, in menu order (the dashboard's shortcuts).
export function navigationFor(role: Role | undefined, currentPath: string): NavLink[] {
  if (!role) return [];
  return NAV.filter((item) => item.roles.includes(role)).map(({ label, href }) => ({
    label,
    href,
    active: isActive(href, currentPath),
  }));
}

// The top bar: a menu holding one link for this role (the driver's 배송) is that link.
export function navigationMenuFor(role: Role | undefined, currentPath: string) {
  const links = navigationFor(role, currentPath);
  const menus = new Map<string, NavLink[]>();
  for (const [index, link] of links.entries()) {
    const menu = NAV.find((item) => item.href === link.href)?.menu ?? `single:${index}`;
    menus.set(menu, [...(menus.get(menu) ?? []), link]);
  }
  return [...menus].map(([menu, items]) =>
    items.length === 1
      ? { ...items[0], items: null }
      : { label: menu, href: null, active: items.some((i) => i.active), items },
  );
}
