import { addDays, parseIsoDate, toIsoDate } from './calendar.js';

/** China keeps one time zone (UTC+8, no daylight saving): a day ends at 24:00 Beijing time. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;
/** A to-do due today or within the next two days is "due soon" (orange in the UI, counted on the bell). */
export const DUE_SOON_DAYS = 3;

/** The calendar date in China at an instant. */
export const chinaDate = (at: Date): string => toIsoDate(new Date(at.getTime() + CHINA_OFFSET_MS));

/** The last instant of a China calendar date (the next day's 00:00 Beijing time). */
export const endOfChinaDay = (iso: string): Date =>
  new Date(parseIsoDate(iso).getTime() + DAY_MS - CHINA_OFFSET_MS);

/**
 * Calendar days past a due date (a date in China): 0 on the due day itself and before it, 1 the day
 * after. The one way overdue days are counted — to-dos, petitions and every later clock use it.
 */
export function daysPastDue(dueOn: string, today: string): number {
  if (today <= dueOn) return 0;
  return Math.round((parseIsoDate(today).getTime() - parseIsoDate(dueOn).getTime()) / DAY_MS);
}

export type DueState = 'overdue' | 'soon' | 'normal' | 'none';

/** How urgent an open to-do is, by its due date and today's date in China. */
export function dueState(dueOn: string | null, today: string): { state: DueState; overdueDays: number } {
  if (!dueOn) return { state: 'none', overdueDays: 0 };
  if (today > dueOn) return { state: 'overdue', overdueDays: daysPastDue(dueOn, today) };
  return { state: dueOn < addDays(today, DUE_SOON_DAYS) ? 'soon' : 'normal', overdueDays: 0 };
}

/** `2026-03-03 17:00`, Beijing time, for messages. */
export const formatChinaTime = (at: Date): string =>
  new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
