import { and, between, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/calendar.js';
import { yearOf } from '../../../../domain/figure-period.js';
import type { Actor } from '../../../platform/access/actor.js';
import { orgInScope } from '../../../platform/access/scope.js';
import type { AppContext } from '../../../platform/context.js';
import { outOfScope } from '../../../platform/http/errors.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { petitionRecusal, petitionVisibility } from '../load-petition.js';
import { petitions } from '../schema.js';

/** The petitions of a period and org as they stand today: what the 信访台帐 export lists. */
export interface StatsScope {
  from: string;
  to: string;
  today: string;
  org: { id: number; name: string; path: string };
  /** The petitions the figures are about: received in the period, in the org's subtree, visible. */
  where: SQL;
}

/**
 * Resolves the period (this year by default) and the org (the caller's own by default). An org
 * outside the caller's scope is a 404. The petitions counted are those the caller may see
 * (scope, recusal) received in the period by the org or any org below it.
 */
export async function statsScope(
  ctx: AppContext,
  actor: Actor,
  q: { from?: string; to?: string; orgId?: number },
): Promise<StatsScope> {
  const today = chinaDate(ctx.clock.now());
  const year = yearOf(today);
  const from = q.from ?? (q.to && q.to < year.from ? `${q.to.slice(0, 4)}-01-01` : year.from);
  const to = q.to ?? (from > year.to ? `${from.slice(0, 4)}-12-31` : year.to);
  const orgId = q.orgId ?? actor.orgId;
  const [org] = await ctx.db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.id, orgId), isNull(orgs.deletedAt)));
  if (!org || !(await orgInScope(ctx.db, actor, org.id))) throw outOfScope();
  const subtree = inArray(
    petitions.orgId,
    sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${org.path}%`})`,
  );
  // a reader whose scope holds the org holds its whole subtree: only recusal is left to apply
  // (a second scope subquery beside the subtree's misleads the planner's row estimates)
  const wholeSubtree =
    actor.permissions.has('petition.read') && (actor.dataScope === 'all' || actor.dataScope === 'subtree');
  const visible = wholeSubtree ? petitionRecusal(actor) : petitionVisibility(actor);
  const where = and(between(petitions.receivedOn, from, to), subtree, visible)!;
  return { from, to, today, org, where };
}
