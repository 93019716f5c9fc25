import { ClaimType, ItemStatus } from '../../generated/prisma/enums';

export interface ChannelStatus {
  status: ItemStatus;
  claimType: ClaimType | null;
}

// SmartStore's 주문상태 / 주문세부상태 words (발주발송관리 and 클레임 exports).
const BY_DETAIL: Record<string, ChannelStatus> = {
  발주확인: { status: 'CONFIRMED', claimType: null },
  취소요청: { status: 'CANCEL_REQUESTED', claimType: 'CANCEL' },
  취소완료: { status: 'CANCELLED', claimType: 'CANCEL' },
  반품요청: { status: 'RETURN_REQUESTED', claimType: 'RETURN' },
  반품완료: { status: 'RETURNED', claimType: 'RETURN' },
  교환요청: { status: 'EXCHANGE_REQUESTED', claimType: 'EXCHANGE' },
  교환완료: { status: 'EXCHANGED', claimType: 'EXCHANGE' },
};

const BY_STATUS: Record<string, ChannelStatus> = {
  입금대기: { status: 'NEW', claimType: null },
  결제완료: { status: 'NEW', claimType: null },
  신규주문: { status: 'NEW', claimType: null },
  발주확인: { status: 'CONFIRMED', claimType: null },
  배송준비: { status: 'CONFIRMED', claimType: null },
  배송중: { status: 'SHIPPED', claimType: null },
  배송완료: { status: 'DELIVERED', claimType: null },
  구매확정: { status: 'COMPLETED', claimType: null },
  취소: { status: 'CANCELLED', claimType: 'CANCEL' },
  반품: { status: 'RETURN_REQUESTED', claimType: 'RETURN' },
  교환: { status: 'EXCHANGE_REQUESTED', claimType: 'EXCHANGE' },
};

const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');

// undefined: the file says nothing about status (partner sheets); null: a word we do not know.
export function channelStatusOf(
  status?: string,
  detail?: string,
): ChannelStatus | null | undefined {
  const d = squash(detail);
  if (d && BY_DETAIL[d]) return BY_DETAIL[d];
  const s = squash(status);
  if (!s) return undefined;
  return BY_STATUS[s] ?? null;
}

// Forward progress only: an older download must not pull an item back from 배송완료 to
// 결제완료, while a claim the channel reports always lands.
const RANK: Record<ItemStatus, number> = {
  NEW: 0,
  CONFIRMED: 1,
  PREPARING: 2,
  SHIPPED: 3,
  OUT_FOR_DELIVERY: 3,
  DELIVERED: 4,
  COMPLETED: 5,
  CANCEL_REQUESTED: 6,
  RETURN_REQUESTED: 6,
  EXCHANGE_REQUESTED: 6,
  CANCELLED: 7,
  RETURNED: 7,
  EXCHANGED: 7,
};

export function mergeChannelStatus(current: ItemStatus, incoming: ItemStatus): ItemStatus {
  return RANK[incoming] > RANK[current] ? incoming : current;
}
