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
  { label: '배송 지역', href: '/admin/regions', roles: [Role.ADMIN] },
  { label: '상품 관리', href: '/admin/catalog', roles: [Role.ADMIN, Role.CLERK] },
  { label: '사용자 관리', href: '/admin/users', roles: [Role.ADMIN] },
  { label: '감사 로그', href: '/admin/audit', roles: [Role.ADMIN] },
];

export function navigationFor(role: Role | undefined, currentPath: string) {
  if (!role) return [];
  return NAV.filter((item) => item.roles.includes(role)).map((item) => ({
    ...item,
    active: item.href === '/' ? currentPath === '/' : currentPath.startsWith(item.href),
  }));
}
