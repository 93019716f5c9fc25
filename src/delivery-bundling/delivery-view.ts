import { formatDate } from '../shared/views/formatting';
import type { BundleStatus } from '../generated/prisma/enums';
import type { DeliveryQuery } from './dto/delivery-forms';
import { canMark } from './bundle-outcome';
import type { BundleCard, DayQuery } from './delivery-view.service';

// A region the postal tables could not settle travels in links as this, and shows as such.
const UNSETTLED = '-';
const UNSETTLED_LABEL = '지역 미확인';
const DAY_MS = 86_400_000;

export const BUNDLE_STATUS_LABELS: Record<BundleStatus, string> = {
  OPEN: '배송 예정',
  CLOSED: '출고',
  DELIVERED: '배송완료',
  FAILED: '배송실패',
};

const STATUS_TONES: Record<BundleStatus, string> = {
  OPEN: 'primary',
  CLOSED: 'info',
  DELIVERED: 'success',
  FAILED: 'danger',
};

type Counts = Array<{
  regionSido: string | null;
  regionSigungu: string | null;
  _count: { _all: number };
}>;

// The day the driver asked for, today in Seoul by default; a date column holds the calendar
// day at UTC midnight.
export function dayQueryOf(query: DeliveryQuery, now = new Date()) {
  const dateText = query.date ?? formatDate(now);
  const day: DayQuery = { date: new Date(`${dateText}T00:00:00Z`) };
  if (query.sido !== undefined && query.sigungu !== undefined) {
    day.district = { sido: regionOf(query.sido), sigungu: regionOf(query.sigungu) };
  }
  return day;
}

export function dayHref(day: DayQuery): string {
  const params = new URLSearchParams({ date: dateText(day.date) });
  if (day.district) {
    params.set('sido', day.district.sido ?? UNSETTLED);
    params.set('sigungu', day.district.sigungu ?? UNSETTLED);
  }
  return `/delivery?${params.toString()}`;
}

export function toDeliveryPage(params: {
  day: DayQuery;
  counts: Counts;
  bundles: BundleCard[];
  lateIds: ReadonlySet<number>;
  failedFormFor?: number;
}) {
  const { day, counts, bundles, lateIds, failedFormFor } = params;
  const date = dateText(day.date);
  return {
    title: '배송',
    day: date,
    prevHref: dayHref({ date: new Date(day.date.getTime() - DAY_MS) }),
    nextHref: dayHref({ date: new Date(day.date.getTime() + DAY_MS) }),
    total: counts.reduce((sum, c) => sum + c._count._all, 0),
    sidos: regionsOf(day, counts),
    district: day.district && {
      label: [day.district.sido ?? UNSETTLED_LABEL, day.district.sigungu].filter(Boolean).join(' '),
      backHref: dayHref({ date: day.date }),
      cards: bundles.map((b) => toCard(b, lateIds.has(b.id), failedFormFor === b.id)),
    },
  };
}

function regionsOf(day: DayQuery, counts: Counts) {
  const bySido = new Map<string | null, Counts>();
  for (const c of counts) bySido.set(c.regionSido, [...(bySido.get(c.regionSido) ?? []), c]);
  return [...bySido]
    .sort(([a], [b]) => (a ?? '\uffff').localeCompare(b ?? '\uffff', 'ko'))
    .map(([sido, rows]) => ({
      name: sido ?? UNSETTLED_LABEL,
      count: rows.reduce((sum, r) => sum + r._count._all, 0),
      open: day.district?.sido === sido,
      districts: rows
        .sort((a, b) => (a.regionSigungu ?? '').localeCompare(b.regionSigungu ?? '', 'ko'))
        .map((r) => ({
          name: r.regionSigungu ?? UNSETTLED_LABEL,
          count: r._count._all,
          href: dayHref({ date: day.date, district: { sido, sigungu: r.regionSigungu } }),
          active: day.district?.sido === sido && day.district?.sigungu === r.regionSigungu,
        })),
    }));
}

function toCard(bundle: BundleCard, late: boolean, failedFormOpen: boolean) {
  const items = bundle.items.map((i) => ({
    productName: i.productName,
    optionName: i.optionName,
    quantity: i.quantity,
    orderNo: i.order.externalOrderNo,
    pickup: i.claimType === 'RETURN' || i.claimType === 'EXCHANGE',
    pickupLabel: i.claimType === 'EXCHANGE' ? '교환 회수' : '반품 회수',
  }));
  const requested = bundle.items
    .map((i) => i.order.requestedDate)
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return {
    id: bundle.id,
    status: bundle.status,
    statusLabel: BUNDLE_STATUS_LABELS[bundle.status],
    statusTone: STATUS_TONES[bundle.status],
    recipientName: bundle.recipientName,
    recipientPhone: bundle.recipientPhone,
    telHref: `tel:${bundle.recipientPhone.replace(/[^\d+]/g, '')}`,
    address: bundle.address,
    postalCode: bundle.postalCode,
    memo: bundle.memo,
    failedReason: bundle.status === 'FAILED' ? bundle.failedReason : null,
    requestedDate: requested ? dateText(requested) : null,
    late,
    deliveries: items.filter((i) => !i.pickup),
    pickups: items.filter((i) => i.pickup),
    canDeliver: canMark(bundle.status, 'DELIVERED'),
    canFail: canMark(bundle.status, 'FAILED'),
    failedFormOpen,
  };
}

const regionOf = (param: string) => (param === UNSETTLED ? null : param);
const dateText = (date: Date) => date.toISOString().slice(0, 10);
