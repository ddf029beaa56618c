import { addDays, addMonths, addWorkingDays, type WorkCalendar, workingDaysBetween } from '../calendar.js';

/**
 * 任前公示: the notice runs from its first day to its last, both included, and must hold at least the
 * rule's number of working days (`appointment.notice_period`, default 5) on the calendar with 调休.
 */
export const noticeWorkingDays = (startsOn: string, endsOn: string, cal: WorkCalendar) =>
  workingDaysBetween(addDays(startsOn, -1), endsOn, cal);

/** The earliest last day of a notice starting on `startsOn`. */
export const earliestNoticeEnd = (startsOn: string, minDays: number, cal: WorkCalendar) =>
  addWorkingDays(addDays(startsOn, -1), minDays, cal);

export function noticePeriodProblem(
  startsOn: string,
  endsOn: string,
  minDays: number,
  cal: WorkCalendar,
): string | null {
  if (endsOn < startsOn) return '公示结束日期不能早于开始日期';
  const n = noticeWorkingDays(startsOn, endsOn, cal);
  if (n >= minDays) return null;
  return `公示期仅 ${n} 个工作日，不少于 ${minDays} 个工作日（规则：任前公示期），最早可于 ${earliestNoticeEnd(startsOn, minDays, cal)} 结束`;
}

/** Is the notice open on the day (its first and last day included)? */
export const noticeOpenOn = (n: { startsOn: string; endsOn: string }, day: string) =>
  n.startsOn <= day && day <= n.endsOn;

/**
 * 试用期: for a promoted, non-elected post it applies and ends `months` (rule appointment.probation)
 * after the start — the day before the same date a year on is its last full day; we keep the cadres
 * module's convention (`probationEnd` = start + months, the review due that day).
 */
export function probationFor(
  input: { startDate: string; promoted: boolean; elected: boolean },
  months: number,
): string | null {
  if (!input.promoted || input.elected) return null;
  return addMonths(input.startDate, months);
}
