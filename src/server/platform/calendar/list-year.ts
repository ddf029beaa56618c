import { and, asc, gte, lte } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { AppContext } from '../context.js';
import type { CalendarDayOut } from './contract.js';
import { calendarDays } from './schema.js';

export const dayOut = (r: typeof calendarDays.$inferSelect): CalendarDayOut => ({
  day: r.day,
  kind: r.kind as CalendarDayOut['kind'],
  name: r.name,
  source: r.source,
  updatedAt: r.updatedAt.toISOString(),
});

/** The year's holidays, 调休 days and cleared package days, in date order (default: this year). */
export async function listYear(opts: { ctx: AppContext; year?: number }) {
  const year = opts.year ?? Number(chinaDate(opts.ctx.clock.now()).slice(0, 4));
  const rows = await opts.ctx.db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)))
    .orderBy(asc(calendarDays.day));
  return { year, days: rows.map(dayOut) };
}
