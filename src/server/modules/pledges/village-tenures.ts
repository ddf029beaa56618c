import { and, asc, eq, gte, isNull, or } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recusalFilter, scopeFilter } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { cadres, tenures } from '../cadres/schema.js';

/** The current tenures of village posts in the caller's scope (not recused): whom a pledge can be for. */
export async function villageTenures(opts: { ctx: AppContext; actor: Actor }) {
  const { ctx, actor } = opts;
  const today = chinaDate(ctx.clock.now());
  const items = await ctx.db
    .select({
      id: tenures.id,
      cadreId: tenures.cadreId,
      cadre: cadres.name,
      village: orgs.name,
      post: tenures.title,
      startDate: tenures.startDate,
      endDate: tenures.endDate,
    })
    .from(tenures)
    .innerJoin(orgs, eq(orgs.id, tenures.orgId))
    .innerJoin(cadres, eq(cadres.id, tenures.cadreId))
    .where(
      and(
        eq(orgs.kind, 'village'),
        isNull(cadres.deletedAt),
        or(isNull(tenures.endDate), gte(tenures.endDate, today)),
        scopeFilter(actor, tenures.orgId),
        recusalFilter(actor, tenures.cadreId),
      ),
    )
    .orderBy(asc(orgs.path), asc(cadres.namePinyin))
    .limit(1000);
  return { items };
}
