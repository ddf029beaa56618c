import { parseIsoDate, toIsoDate } from './calendar.js';

/** China keeps one time zone (UTC+8, no daylight saving): a day ends at 24:00 Beijing time. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;
/** A to-do due within this span is "due soon" (orange in the UI, counted on the bell). */
export const DUE_SOON_MS = 3 * DAY_MS;

/** The calendar date in China at an instant. */
export const chinaDate = (at: Date): string => toIsoDate(new Date(at.getTime() + CHINA_OFFSET_MS));

/** The last instant of a China calendar date (the next day's 00:00 Beijing time). */
export const endOfChinaDay = (iso: string): Date =>
  new Date(parseIsoDate(iso).getTime() + DAY_MS - CHINA_OFFSET_MS);

export type DueState = 'overdue' | 'soon' | 'normal' | 'none';

/** How urgent an open to-do is; overdue days are calendar days (China time) since the due date, 0 on the day itself. */
export function dueState(dueAt: Date | null, now: Date): { state: DueState; overdueDays: number } {
  if (!dueAt) return { state: 'none', overdueDays: 0 };
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) {
    const days = (parseIsoDate(chinaDate(now)).getTime() - parseIsoDate(chinaDate(dueAt)).getTime()) / DAY_MS;
    return { state: 'overdue', overdueDays: Math.round(days) };
  }
  return { state: left <= DUE_SOON_MS ? 'soon' : 'normal', overdueDays: 0 };
}

/** `2026-03-03 17:00`, Beijing time, for messages. */
export const formatChinaTime = (at: Date): string =>
  new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
