/**
 * Working days on the Chinese calendar. Monday–Friday are working days except public holidays;
 * some weekend days are 调休 make-up working days. Dates are ISO strings (YYYY-MM-DD), no time zone.
 */
export interface WorkCalendar {
  /** Public holidays (non-working, whatever the weekday). */
  holidays: ReadonlySet<string>;
  /** 调休 make-up days (working, though a weekend). */
  workdays: ReadonlySet<string>;
}

export function toIsoDate(d: Date): string {
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function parseIsoDate(s: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new RangeError(`not an ISO date: ${s}`);
  const d = new Date(`${s}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || toIsoDate(d) !== s) throw new RangeError(`not a calendar date: ${s}`);
  return d;
}

export function addDays(iso: string, n: number): string {
  const d = parseIsoDate(iso);
  d.setUTCDate(d.getUTCDate() + n);
  return toIsoDate(d);
}

export function isWorkingDay(iso: string, cal: WorkCalendar): boolean {
  if (cal.workdays.has(iso)) return true;
  if (cal.holidays.has(iso)) return false;
  const wd = parseIsoDate(iso).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/**
 * The date `n` working days after `start` (n ≥ 0). Day 0 is `start` itself; counting starts the
 * next day, as statutory periods do ("within 15 working days of receipt").
 * With n = 0 the result is `start`.
 */
export function addWorkingDays(start: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number ≥ 0');
  let day = start;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal)) left--;
  }
  return day;
}

/** Working days in the interval (from, to]: the days counted by addWorkingDays. Negative if to < from. */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, cal);
  let n = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day, cal)) n++;
  }
  return n;
}

/** Calendar-day and month periods, for rules stated in days or months (e.g. 60 days, 6 months). */
export function addMonths(iso: string, months: number): string {
  const d = parseIsoDate(iso);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return toIsoDate(d);
}

/** The date in China (UTC+8, no daylight saving) at instant `d`: "today" for deadlines and rules. */
export function chinaDate(d: Date): string {
  return toIsoDate(new Date(d.getTime() + 8 * 3_600_000));
}

/** Whether `s` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  try {
    parseIsoDate(s);
    return true;
  } catch {
    return false;
  }
}
