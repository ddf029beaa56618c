import { and, eq, isNull } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import { resolvePeriod } from '../../../domain/figure-period.js';
import type { Actor } from '../access/actor.js';
import { orgInScope } from '../access/scope.js';
import type { AppContext } from '../context.js';
import { badRequest, outOfScope } from '../http/errors.js';
import { orgs } from '../orgs/schema.js';
import type { FigureScope } from './registry.js';

/**
 * Resolves what a figure request is about: the org (the caller's own by default; one outside the
 * caller's scope is a 404, audited), the period (this year by default) and the as-of date (today,
 * or the period's end when it is over; never after today).
 */
export async function figureScope(
  ctx: AppContext,
  actor: Actor,
  q: { orgId?: number; from?: string; to?: string; asOf?: string },
): Promise<FigureScope> {
  const today = chinaDate(ctx.clock.now());
  const period = resolvePeriod(q, today);
  if ('message' in period) throw badRequest(period.message, { [period.field]: period.message });
  const orgId = q.orgId ?? actor.orgId;
  const [org] = await ctx.db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.id, orgId), isNull(orgs.deletedAt)));
  if (!org || !(await orgInScope(ctx.db, actor, org.id))) throw outOfScope();
  return { ctx, actor, org, today, ...period };
}
