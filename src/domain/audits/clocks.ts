import { addMonths, addWorkingDays, type WorkCalendar, workingDaysBetween } from '../calendar.js';
import type { ItemStatus } from './rectification.js';

/**
 * The clocks of a rectification item, from the rules in force (never constants): the plan within
 * `planDays` working days of 下发, a progress report every `reportMonths` months while open, and the
 * deadline (the next checkpoint while 持续整改).
 */
export interface ClockRules {
  /** audit.plan_period: working days from 下发 to the unit's plan. */
  planDays: number;
  /** audit.progress_report_interval: months between progress reports. */
  reportMonths: number;
}

/** The day the unit's plan is due. */
export const planDueOn = (issuedOn: string, rules: ClockRules, cal: WorkCalendar) =>
  addWorkingDays(issuedOn, rules.planDays, cal);

/** The next progress report's day, counted from the plan or the last report. */
export const nextReportDueOn = (lastReportOrPlanOn: string, rules: ClockRules) =>
  addMonths(lastReportOrPlanOn, rules.reportMonths);

/** The audit officer's buckets: overdue, ≤ 10, ≤ 20 and > 20 working days left. */
export const BUCKETS = {
  overdue: '已超期',
  within10: '10个工作日内到期',
  within20: '20个工作日内到期',
  beyond20: '20个工作日以上',
} as const;
export type Bucket = keyof typeof BUCKETS;

/** The day an open item must next meet: its plan day, its deadline, or while 持续整改 its next checkpoint. */
export function itemDueOn(item: {
  status: ItemStatus;
  deadline: string | null;
  nextCheckpoint: string | null;
  planDueOn: string | null;
}): string | null {
  // 申请销号: the item waits on the auditors (their own to-do has the clock), not on the unit
  if (item.status === 'closed' || item.status === 'applied') return null;
  if (item.status === 'continuing') return item.nextCheckpoint;
  if (item.status === 'issued') return item.planDueOn;
  return item.deadline;
}

/**
 * The bucket of a due day on a date: overdue from the day after it; otherwise by the working days
 * left (holidays and 调休 counted as the calendar says). Null for an item with no due day.
 */
export function bucketOf(dueOn: string | null, today: string, cal: WorkCalendar): Bucket | null {
  if (!dueOn) return null;
  if (dueOn < today) return 'overdue';
  const left = workingDaysBetween(today, dueOn, cal);
  if (left <= 10) return 'within10';
  if (left <= 20) return 'within20';
  return 'beyond20';
}

/**
 * The limits of each bucket as due-day bounds on a date, so a list can filter in SQL:
 * overdue: due < today; within10: today ≤ due ≤ d10; within20: d10 < due ≤ d20; beyond20: due > d20.
 */
export function bucketBounds(today: string, cal: WorkCalendar) {
  return { today, d10: addWorkingDays(today, 10, cal), d20: addWorkingDays(today, 20, cal) };
}

/** Whether an item is overdue on a date: its due day (or a missed progress report) has passed. */
export function isOverdue(
  item: {
    status: ItemStatus;
    deadline: string | null;
    nextCheckpoint: string | null;
    planDueOn: string | null;
    nextReportDue: string | null;
  },
  on: string,
): boolean {
  if (item.status === 'closed') return false;
  const due = itemDueOn(item);
  if (due && due < on) return true;
  return item.status !== 'applied' && !!item.nextReportDue && item.nextReportDue < on;
}
