import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { pledges } from './schema.js';

/** 我的任期承诺: the caller's own pledges (as the cadre linked to their account). */
export async function myPledges(opts: { ctx: AppContext; actor: Actor }) {
  const { ctx, actor } = opts;
  if (actor.cadreId === null) return { items: [] };
  const items = await ctx.db
    .select({ id: pledges.id, title: pledges.title, pledgedOn: pledges.pledgedOn })
    .from(pledges)
    .where(eq(pledges.cadreId, actor.cadreId))
    .orderBy(desc(pledges.pledgedOn));
  return { items };
}
