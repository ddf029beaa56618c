import type { z } from 'zod';
import { addDays } from '../../../domain/calendar.js';
import type { AppContext } from '../context.js';
import { badRequest } from '../http/errors.js';
import { MAX_SPAN_DAYS, type workingDaysQuery } from './contract.js';

/** Working days between two dates, or the date a number of working days after a start: for forms. */
export async function workingDays(opts: { ctx: AppContext; query: z.infer<typeof workingDaysQuery> }) {
  const { ctx, query: q } = opts;
  if (q.from !== undefined && q.to !== undefined) {
    const [lo, hi] = q.from <= q.to ? [q.from, q.to] : [q.to, q.from];
    if (addDays(lo, MAX_SPAN_DAYS) < hi) {
      throw badRequest(`起止日期相隔不能超过 ${MAX_SPAN_DAYS} 天`, { to: '起止日期相隔过长' });
    }
    return { from: q.from, to: q.to, workingDays: await ctx.calendar.workingDaysBetween(q.from, q.to) };
  }
  const start = q.start as string;
  const add = q.add as number;
  return { start, add, date: await ctx.calendar.addWorkingDays(start, add) };
}
