import { formatDate, formatDateTime } from '../shared/views/formatting';
import type { BundleStatus } from '../generated/prisma/enums';
import type { DeliveryQuery } from './dto/delivery-forms';
import { canMark } from './bundle-outcome';
import type { BundleCard, DayQuery } from './delivery-view.service';
import type { StoredRun } from './runs.repository';

// A region the postal tables could not settle travels in links as this, and shows as such.
export const UNSETTLED = '-';
export const UNSETTLED_LABEL = '지역 미확인';
const DAY_MS = 86_400_000;

export const BUNDLE_STATUS_LABELS: Record<BundleStatus, string> = {
  OPEN: '배송 예정',
  // Closed by dispatch or by going quiet: no longer takes new items either way.
  CLOSED: '마감',
  DELIVERED: '배송완료',
  FAILED: '배송실패',
};

export const STATUS_TONES: Record<BundleStatus, string> = {
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

type RunStopLine = {
  id: number;
  status: BundleStatus;
  recipientName: string;
  address: string;
  regionSido: string | null;
  regionSigungu: string | null;
};

export function runStateLabel(run: { dispatchedAt: Date | null }): string {
  return run.dispatchedAt ? `출발 ${formatDateTime(run.dispatchedAt)}` : '출발 전';
}

export function toDeliveryPage(params: {
  day: DayQuery;
  counts: Counts;
  bundles: BundleCard[];
  lateIds: ReadonlySet<number>;
  run: (StoredRun & { stops: RunStopLine[] }) | null;
  driverView: boolean;
  failedFormFor?: number;
}) {
  const { day, counts, bundles, lateIds, run, driverView, failedFormFor } = params;
  const date = dateText(day.date);
  const positions = new Map(run?.stops.map((stop, index) => [stop.id, index + 1]));
  return {
    title: '배송',
    day: date,
    prevHref: dayHref({ date: new Date(day.date.getTime() - DAY_MS) }),
    nextHref: dayHref({ date: new Date(day.date.getTime() + DAY_MS) }),
    total: counts.reduce((sum, c) => sum + c._count._all, 0),
    sidos: regionsOf(day, counts),
    driverView,
    runsHref: driverView ? null : `/delivery/runs?date=${date}`,
    run: run && toDriverRun(run),
    district: day.district && {
      label: [day.district.sido ?? UNSETTLED_LABEL, day.district.sigungu].filter(Boolean).join(' '),
      backHref: dayHref({ date: day.date }),
      cards: bundles.map((b) => ({
        ...toCard(b, lateIds.has(b.id), failedFormFor === b.id),
        position: positions.get(b.id),
      })),
    },
  };
}

// The driver's run for the day: where to go, in order, each stop one tap from its card.
function toDriverRun(run: StoredRun & { stops: RunStopLine[] }) {
  return {
    id: run.id,
    name: run.name,
    stateLabel: runStateLabel(run),
    canDispatch: !run.dispatchedAt && run.stops.length > 0,
    remaining: run.stops.filter((s) => s.status !== 'DELIVERED').length,
    stops: run.stops.map((stop, index) => ({
      id: stop.id,
      position: index + 1,
      recipientName: stop.recipientName,
      address: stop.address,
      statusLabel: BUNDLE_STATUS_LABELS[stop.status],
      statusTone: STATUS_TONES[stop.status],
      href: `${dayHref({
        date: run.runDate,
        district: { sido: stop.regionSido, sigungu: stop.regionSigungu },
      })}#bundle-${stop.id}`,
    })),
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

type StopItem = BundleCard['items'][number];

// What the driver carries to the stop and what he brings back, apart.
export function stopItemsOf(items: readonly StopItem[]) {
  const all = items.map((i) => ({
    productName: i.productName,
    optionName: i.optionName,
    quantity: i.quantity,
    orderNo: i.order.externalOrderNo,
    pickup: i.claimType === 'RETURN' || i.claimType === 'EXCHANGE',
    pickupLabel: i.claimType === 'EXCHANGE' ? '교환 회수' : '반품 회수',
  }));
  return { deliveries: all.filter((i) => !i.pickup), pickups: all.filter((i) => i.pickup) };
}

// The earliest day a customer of the stop asked for.
export function requestedDateOf(items: readonly StopItem[]): string | null {
  const requested = items
    .map((i) => i.order.requestedDate)
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return requested ? dateText(requested) : null;
}

function toCard(bundle: BundleCard, late: boolean, failedFormOpen: boolean) {
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
    requestedDate: requestedDateOf(bundle.items),
    late,
    ...stopItemsOf(bundle.items),
    canDeliver: canMark(bundle.status, 'DELIVERED'),
    canFail: canMark(bundle.status, 'FAILED'),
    failedFormOpen,
  };
}

export const regionOf = (param: string) => (param === UNSETTLED ? null : param);
export const dateText = (date: Date) => date.toISOString().slice(0, 10);
