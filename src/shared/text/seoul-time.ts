// Dates are stored in UTC; people, order files and calendar days are in Korea's time, which
// keeps no daylight saving time: a fixed nine hours ahead.
export const SEOUL_OFFSET_MS = 9 * 3_600_000;

/** "YYYY-MM-DD HH:mm:ss" on a Seoul wall clock, as order files write it. */
export function seoulWallClock(date: Date): string {
  return new Date(date.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Today's date in Seoul, "YYYY-MM-DD". */
export const seoulToday = (now: Date) => seoulWallClock(now).slice(0, 10);

/** The instant a Seoul calendar day begins (plus some days), or null for a day that does not exist. */
export function seoulDayStart(ymd: string, plusDays = 0): Date | null {
  const [y, m, d] = ymd.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + plusDays) - SEOUL_OFFSET_MS);
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCMonth() === m - 1 && check.getUTCDate() === d ? date : null;
}
