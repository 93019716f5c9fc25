import { Role } from '../generated/prisma/enums';

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: '관리자',
  CLERK: '주문 담당',
  DELIVERY: '배송팀',
};

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((value) => ({
  value,
  label: ROLE_LABELS[value],
}));
