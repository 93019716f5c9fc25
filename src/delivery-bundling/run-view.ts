import type { BundleStatus } from '../generated/prisma/enums';
import { formatDate, formatDateTime } from '../shared/views/formatting';
import type { RunPageQuery } from './dto/run-forms';
import {
  BUNDLE_STATUS_LABELS,
  STATUS_TONES,
  UNSETTLED,
  UNSETTLED_LABEL,
  dateText,
  regionOf,
  runStateLabel,
  stopItemsOf,
} from './delivery-view';
import { CANDIDATE_LIMIT } from './run-pages.service';
import type { SheetStop } from './run-sheet';
import type { District, RunCandidate, RunStop, StoredRun } from './runs.repository';

const DAY_MS = 86_400_000;

type Driver = { id: number; displayName: string; username: string };
type RegionCount = {
  regionSido: string | null;
  regionSigungu: string | null;
  _count: { _all: number };
};
type StopCount = { runId: number | null; status: BundleStatus; _count: { _all: number } };

export const runsHref = (date: Date) => `/delivery/runs?date=${dateText(date)}`;

// The district the run page offers bundles from; a 시/군/구 only counts with its 시/도.
export function districtOf(query: RunPageQuery): Partial<District> {
  if (query.sido === undefined) return {};
  return {
    sido: regionOf(query.sido),
    ...(query.sigungu === undefined ? {} : { sigungu: regionOf(query.sigungu) }),
  };
}

// Kept on the page's own forms, so a clerk adding stop after stop stays in the district.
export function filterQueryOf(district: Partial<District>): string {
  if (district.sido === undefined) return '';
  const params = new URLSearchParams({ sido: district.sido ?? UNSETTLED });
  if (district.sigungu !== undefined) params.set('sigungu', district.sigungu ?? UNSETTLED);
  return `?${params.toString()}`;
}

export function toRunListPage(params: { date: Date; runs: StoredRun[]; counts: StopCount[] }) {
  const { date, runs, counts } = params;
  const countOf = (runId: number, status?: BundleStatus) =>
    counts
      .filter((c) => c.runId === runId && (!status || c.status === status))
      .reduce((sum, c) => sum + c._count._all, 0);
  return {
    title: '배송 계획',
    day: dateText(date),
    prevHref: runsHref(new Date(date.getTime() - DAY_MS)),
    nextHref: runsHref(new Date(date.getTime() + DAY_MS)),
    newHref: `/delivery/runs/new?date=${dateText(date)}`,
    runs: runs.map((run) => ({
      id: run.id,
      name: run.name,
      driverName: run.driver.displayName,
      stops: countOf(run.id),
      delivered: countOf(run.id, 'DELIVERED'),
      failed: countOf(run.id, 'FAILED'),
      stateLabel: runStateLabel(run),
      dispatched: Boolean(run.dispatchedAt),
      href: `/delivery/runs/${run.id}`,
    })),
  };
}

export function toNewRunPage(params: { date: string; drivers: Driver[] }) {
  return {
    title: '새 배송 계획',
    drivers: params.drivers,
    form: { date: params.date },
    errors: {},
    backHref: `/delivery/runs?date=${params.date}`,
  };
}

export function toRunPage(params: {
  run: StoredRun;
  stops: RunStop[];
  drivers: Driver[];
  candidateCounts: RegionCount[];
  candidates: RunCandidate[];
  district: Partial<District>;
}) {
  const { run, stops, drivers, candidateCounts, candidates, district } = params;
  const base = `/delivery/runs/${run.id}`;
  const filterQuery = filterQueryOf(district);
  const shown = candidates.slice(0, CANDIDATE_LIMIT);
  return {
    title: `배송 계획 · ${run.name}`,
    run: {
      id: run.id,
      name: run.name,
      day: dateText(run.runDate),
      driverId: run.driverId,
      driverName: run.driver.displayName,
      stateLabel: runStateLabel(run),
      dispatched: Boolean(run.dispatchedAt),
      dayHref: runsHref(run.runDate),
      sheetHref: `${base}/sheet`,
      xlsxHref: `${base}/sheet.xlsx`,
      deliveryHref: `/delivery?date=${dateText(run.runDate)}`,
      base,
    },
    form: { driverId: run.driverId, name: run.name },
    errors: {},
    drivers,
    filterQuery,
    stops: stops.map((stop, index) => toStopRow(stop, index + 1, stops.length)),
    regions: regionChipsOf({ base, counts: candidateCounts, district }),
    districtChosen: district.sido !== undefined,
    candidates: shown.map(toCandidateRow),
    candidateIds: shown.map((c) => c.id),
    candidatesCapped: candidates.length > CANDIDATE_LIMIT,
    candidateLimit: CANDIDATE_LIMIT,
  };
}

function toStopRow(stop: RunStop, position: number, count: number) {
  const { deliveries, pickups } = stopItemsOf(stop.items);
  return {
    id: stop.id,
    position,
    recipientName: stop.recipientName,
    recipientPhone: stop.recipientPhone,
    address: stop.address,
    region: regionLabel(stop),
    statusLabel: BUNDLE_STATUS_LABELS[stop.status],
    statusTone: STATUS_TONES[stop.status],
    deliveries,
    pickups,
    upTo: position > 1 ? position - 1 : null,
    downTo: position < count ? position + 1 : null,
  };
}

function toCandidateRow(candidate: RunCandidate) {
  return {
    id: candidate.id,
    recipientName: candidate.recipientName,
    address: candidate.address,
    region: regionLabel(candidate),
    statusLabel: BUNDLE_STATUS_LABELS[candidate.status],
    statusTone: STATUS_TONES[candidate.status],
    itemCount: candidate._count.items,
  };
}

function regionChipsOf(params: {
  base: string;
  counts: RegionCount[];
  district: Partial<District>;
}) {
  const { base, counts, district } = params;
  const bySido = new Map<string | null, RegionCount[]>();
  for (const c of counts) bySido.set(c.regionSido, [...(bySido.get(c.regionSido) ?? []), c]);
  return [...bySido]
    .sort(([a], [b]) => (a ?? '\uffff').localeCompare(b ?? '\uffff', 'ko'))
    .map(([sido, rows]) => {
      const active = district.sido !== undefined && district.sido === sido;
      return {
        name: sido ?? UNSETTLED_LABEL,
        count: rows.reduce((sum, r) => sum + r._count._all, 0),
        href: `${base}${filterQueryOf({ sido })}#candidates`,
        active,
        districts: active
          ? rows
              .sort((a, b) => (a.regionSigungu ?? '').localeCompare(b.regionSigungu ?? '', 'ko'))
              .map((r) => ({
                name: r.regionSigungu ?? UNSETTLED_LABEL,
                count: r._count._all,
                href: `${base}${filterQueryOf({ sido, sigungu: r.regionSigungu })}#candidates`,
                active: district.sigungu !== undefined && district.sigungu === r.regionSigungu,
              }))
          : [],
      };
    });
}

export function toRunSheetPage(params: { run: StoredRun; stops: SheetStop[] }) {
  const { run, stops } = params;
  const quantity = (items: SheetStop['deliveries']) =>
    items.reduce((sum, item) => sum + item.quantity, 0);
  return {
    title: `배송 운행표 · ${run.name}`,
    run: {
      id: run.id,
      name: run.name,
      day: dateText(run.runDate),
      driverName: run.driver.displayName,
      stateLabel: runStateLabel(run),
      backHref: `/delivery/runs/${run.id}`,
      xlsxHref: `/delivery/runs/${run.id}/sheet.xlsx`,
    },
    printedAt: formatDateTime(new Date()),
    stops: stops.map((stop) => ({ ...stop, regionLabel: regionLabel(stop) })),
    totals: {
      stops: stops.length,
      deliveries: stops.reduce((sum, s) => sum + quantity(s.deliveries), 0),
      pickups: stops.reduce((sum, s) => sum + quantity(s.pickups), 0),
    },
  };
}

function regionLabel(r: { regionSido: string | null; regionSigungu: string | null }): string {
  return [r.regionSido ?? UNSETTLED_LABEL, r.regionSigungu].filter(Boolean).join(' ');
}

// Today in Seoul as a calendar day (a date column holds it at UTC midnight).
export function runDayOf(text: string | undefined, now = new Date()): Date {
  return new Date(`${text ?? formatDate(now)}T00:00:00Z`);
}
