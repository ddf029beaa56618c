import { eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { notFound } from '../http/errors.js';
import { calendarDays } from './schema.js';
import { packageDay } from './seed.js';

/**
 * Turns a day back into an ordinary day (Monday–Friday work, weekend rest). A day the package lists
 * is kept as an 'ordinary' row, so the seeding at the next start does not bring it back.
 */
export async function clearDay(opts: { ctx: AppContext; actor: Actor; day: string }) {
  const { ctx, actor, day } = opts;
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.day, day));
    if (!before || before.kind === 'ordinary') throw notFound('该日期没有节假日或调休设置');
    if (packageDay(day)) {
      await tx
        .update(calendarDays)
        .set({
          kind: 'ordinary',
          name: '恢复为普通日',
          source: 'manual',
          updatedBy: actor.userId,
          updatedAt: ctx.clock.now(),
        })
        .where(eq(calendarDays.day, day));
    } else {
      await tx.delete(calendarDays).where(eq(calendarDays.day, day));
    }
    await recordAudit(tx, ctx.clock, actor, {
      action: 'calendar.clear_day',
      objectType: 'calendar_day',
      objectId: day,
      detail: { before: { kind: before.kind, name: before.name, source: before.source } },
    });
  });
  await ctx.calendar.load();
}
