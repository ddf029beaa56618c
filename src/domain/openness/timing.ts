import { addDays, addWorkingDays, parseIsoDate, type WorkCalendar } from '../calendar.js';

/**
 * When an openness item (公开事项) falls due. Periodic items (村级财务收支 monthly, 村务一般事项
 * quarterly) are due for each period by the N-th day of the first month of the next period; matters
 * (重大事项, 政府信息) within so many calendar or working days of the decision or of forming.
 */
export type Timing = 'monthly' | 'quarterly' | 'within_days' | 'within_working_days' | 'none';

export const TIMINGS: Record<Timing, string> = {
  monthly: '按月公开',
  quarterly: '按季度公开',
  within_days: '事项决定后限期公开（日）',
  within_working_days: '形成或变更后限期公开（工作日）',
  none: '长期公开/随时更新',
};

export const isPeriodic = (t: Timing) => t === 'monthly' || t === 'quarterly';

/** The period a day lies in: `2026-03` (monthly) or `2026-Q1` (quarterly). */
export function periodOf(timing: 'monthly' | 'quarterly', day: string): string {
  const d = parseIsoDate(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  if (timing === 'monthly') return `${y}-${String(m).padStart(2, '0')}`;
  return `${y}-Q${Math.ceil(m / 3)}`;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Whether `period` is written as the timing writes it. */
export function isPeriod(timing: 'monthly' | 'quarterly', period: string): boolean {
  return timing === 'monthly' ? MONTH.test(period) : QUARTER.test(period);
}

/** First and last day of a period. */
export function periodSpan(period: string): { from: string; to: string } {
  const m = MONTH.exec(period);
  const q = QUARTER.exec(period);
  if (!m && !q) throw new RangeError(`not a period: ${period}`);
  const y = Number((m ?? q)![1]);
  const first = m ? Number(m[2]) : (Number(q![2]) - 1) * 3 + 1;
  const months = m ? 1 : 3;
  const from = `${y}-${String(first).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(y, first - 1 + months, 0));
  return { from, to: end.toISOString().slice(0, 10) };
}

/** The period after `period` (same kind). */
export function nextPeriod(period: string): string {
  const { to } = periodSpan(period);
  return periodOf(MONTH.test(period) ? 'monthly' : 'quarterly', addDays(to, 1));
}

/** The period before `period` (same kind). */
export function previousPeriod(period: string): string {
  const { from } = periodSpan(period);
  return periodOf(MONTH.test(period) ? 'monthly' : 'quarterly', addDays(from, -1));
}

/**
 * A period's items are due by the `dayOfMonth`-th day of the first month of the next period (the
 * March finances by 10 April; the first quarter's affairs by 10 April), capped at that month's end.
 */
export function periodDeadline(period: string, dayOfMonth: number): string {
  if (!Number.isInteger(dayOfMonth) || dayOfMonth < 1) throw new RangeError('dayOfMonth must be ≥ 1');
  const { to } = periodSpan(period);
  const first = addDays(to, 1);
  const { to: monthEnd } = periodSpan(first.slice(0, 7));
  const day = Math.min(dayOfMonth, Number(monthEnd.slice(8)));
  return `${first.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

/** A matter is due within `n` calendar days (within_days) or working days of the day it was decided or formed. */
export function matterDeadline(
  timing: 'within_days' | 'within_working_days',
  decidedOn: string,
  n: number,
  cal: WorkCalendar,
): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number ≥ 0');
  return timing === 'within_days' ? addDays(decidedOn, n) : addWorkingDays(decidedOn, n, cal);
}

/**
 * The periods whose deadline has come by `today` and that began on or after `since` (a unit's
 * catalogue start): the periods a unit owes. Oldest first, at most `limit`.
 */
export function periodsDueBy(
  timing: 'monthly' | 'quarterly',
  since: string,
  today: string,
  dayOfMonth: number,
  limit = 36,
): string[] {
  const out: string[] = [];
  for (let p = periodOf(timing, since); out.length < limit; p = nextPeriod(p)) {
    if (periodSpan(p).to >= today) break;
    out.push(p);
  }
  return out.filter((p) => periodDeadline(p, dayOfMonth) >= since);
}

export type DueState = 'pending' | 'due' | 'on_time' | 'late' | 'overdue';

export const DUE_STATES: Record<DueState, string> = {
  pending: '未到期',
  due: '待公开',
  on_time: '按时公开',
  late: '逾期公开',
  overdue: '逾期未公开',
};

/**
 * A due item's state on `today`: published by its deadline (on_time) or after (late); unpublished
 * and past its deadline (overdue, from the day after); unpublished within it (due).
 */
export function dueState(dueOn: string, publishedOn: string | null, today: string): DueState {
  if (publishedOn) return publishedOn <= dueOn ? 'on_time' : 'late';
  return today > dueOn ? 'overdue' : 'due';
}
