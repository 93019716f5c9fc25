import { seoulDayStart } from '../shared/text/seoul-time';
import { FormValidationError } from '../shared/http/domain-error';
import { formatDate } from '../shared/views/formatting';

// Seoul calendar days, from and to included, and the UTC instants that bound them.
export interface Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;
// A week back from today: what a clerk reports on most days.
const DEFAULT_DAYS = 7;

export function defaultPeriod(now = new Date()): { from: string; to: string } {
  return { from: formatDate(now.getTime() - (DEFAULT_DAYS - 1) * DAY_MS), to: formatDate(now) };
}

export function periodOf(query: { from?: string; to?: string }, now = new Date()): Period {
  const given = { ...defaultPeriod(now), ...definedOnly(query) };
  const start = seoulDayStart(given.from);
  const end = seoulDayStart(given.to, 1);
  const errors: Record<string, string> = {};
  if (!start) errors.from = `없는 날짜입니다: ${given.from}`;
  if (!end) errors.to = `없는 날짜입니다: ${given.to}`;
  if (start && end && given.from > given.to) errors.to = '종료일이 시작일보다 앞섭니다.';
  if (Object.keys(errors).length) throw new FormValidationError(errors);
  return { ...given, start: start!, end: end! };
}

// For a page shown again after its form was refused: the defaults stand in for what was wrong.
export function periodOrNull(query: { from?: unknown; to?: unknown }, now = new Date()) {
  try {
    return periodOf({ from: textOrUndefined(query.from), to: textOrUndefined(query.to) }, now);
  } catch {
    return null;
  }
}

const textOrUndefined = (value: unknown) => (typeof value === 'string' ? value : undefined);

// The Seoul day a date picker names, as a one-day period.
export function dayOf(date: string | undefined, now = new Date()): Period {
  const day = date ?? formatDate(now);
  const start = seoulDayStart(day);
  const end = seoulDayStart(day, 1);
  if (!start || !end) throw new FormValidationError({ date: `없는 날짜입니다: ${day}` });
  return { from: day, to: day, start, end };
}

function definedOnly(query: { from?: string; to?: string }) {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ''));
}
