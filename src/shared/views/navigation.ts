import { Role } from '../../generated/prisma/enums';

interface NavItem {
  label: string;
  href: string;
  roles: readonly Role[];
}

const EVERYONE = [Role.ADMIN, Role.CLERK, Role.DELIVERY] as const;

const NAV: NavItem[] = [
  { label: '대시보드', href: '/', roles: EVERYONE },
  { label: '주문', href: '/orders', roles: [Role.ADMIN, Role.CLERK] },
  { label: '매장 주문 등록', href: '/orders/new', roles: [Role.ADMIN, Role.CLERK] },
  { label: '배송', href: '/delivery', roles: [Role.ADMIN, Role.CLERK, Role.DELIVERY] },
  { label: '배송 묶음', href: '/delivery/bundles', roles: [Role.ADMIN, Role.CLERK] },
  { label: '배송 계획', href: '/delivery/runs', roles: [Role.ADMIN, Role.CLERK] },
  { label: '주문 가져오기', href: '/imports', roles: [Role.ADMIN, Role.CLERK] },
  { label: '출고 처리', href: '/fulfillment', roles: [Role.ADMIN, Role.CLERK] },
  { label: '상품 연결 검토', href: '/orders/listings', roles: [Role.ADMIN, Role.CLERK] },
  { label: '채널·양식', href: '/admin/channels', roles: [Role.ADMIN] },
  { label: '배송 지역', href: '/admin/regions', roles: [Role.ADMIN] },
  { label: '상품 관리', href: '/admin/catalog', roles: [Role.ADMIN, Role.CLERK] },
  { label: '알림 발송 기록', href: '/admin/notifications', roles: [Role.ADMIN, Role.CLERK] },
  { label: '사용자 관리', href: '/admin/users', roles: [Role.ADMIN] },
  { label: '감사 로그', href: '/admin/audit', roles: [Role.ADMIN] },
];

// The most specific item wins: /orders/listings highlights 상품 연결 검토, not 주문.
function isActive(href: string, path: string): boolean {
  if (href === '/') return path === '/';
  if (!path.startsWith(href)) return false;
  return !NAV.some(
    (other) =>
      other.href.length > href.length && other.href.startsWith(href) && path.startsWith(other.href),
  );
}

export function navigationFor(role: Role | undefined, currentPath: string) {
  if (!role) return [];
  return NAV.filter((item) => item.roles.includes(role)).map((item) => ({
    ...item,
    active: isActive(item.href, currentPath),
  }));
}
