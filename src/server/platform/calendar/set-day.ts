import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { parseIsoDate } from '../../../domain/calendar.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { unprocessable } from '../http/errors.js';
import type { dayBody } from './contract.js';
import { dayOut } from './list-year.js';
import { calendarDays } from './schema.js';

/** Makes a day a public holiday (休) or a weekend make-up working day (班); the edit survives every reseed. */
export async function setDay(opts: {
  ctx: AppContext;
  actor: Actor;
  day: string;
  input: z.infer<typeof dayBody>;
}) {
  const { ctx, actor, day, input } = opts;
  const weekday = parseIsoDate(day).getUTCDay();
  if (input.kind === 'workday' && weekday !== 0 && weekday !== 6) {
    throw unprocessable(
      '周一至周五本来就是工作日，只有周末才能设为调休上班；如需取消节假日，请使用“恢复普通日”',
      {
        kind: '只有周末才能设为调休上班',
      },
    );
  }
  const saved = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.day, day));
    const values = {
      kind: input.kind,
      name: input.name,
      source: 'manual',
      updatedBy: actor.userId,
      updatedAt: ctx.clock.now(),
    };
    const [row] = await tx
      .insert(calendarDays)
      .values({ day, ...values })
      .onConflictDoUpdate({ target: calendarDays.day, set: values })
      .returning();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'calendar.set_day',
      objectType: 'calendar_day',
      objectId: day,
      detail: {
        before: before ? { kind: before.kind, name: before.name } : null,
        after: { kind: row.kind, name: row.name },
      },
    });
    return row;
  });
  await ctx.calendar.load();
  return dayOut(saved);
}
