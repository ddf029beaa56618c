import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { seedCalendar } from './seed.js';

/** Adds the package's days the table lacks (e.g. next year's schedule after a package update); edits stay. */
export async function reseedCalendar(opts: { ctx: AppContext; actor: Actor }) {
  const { ctx, actor } = opts;
  const added = await ctx.db.transaction(async (tx) => {
    const n = await seedCalendar(tx);
    await recordAudit(tx, ctx.clock, actor, {
      action: 'calendar.reseed',
      objectType: 'calendar_day',
      detail: { added: n },
    });
    return n;
  });
  await ctx.calendar.load();
  return { added };
}
