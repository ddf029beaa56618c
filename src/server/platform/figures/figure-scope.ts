import { and, eq, isNull, sql } from 'drizzle-orm';
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
  return { ctx, db: ctx.db, actor, org, today, ...period };
}

/**
 * Runs a figure's queries in one read-only transaction without JIT compilation. A figure's query
 * is cheap where it runs (the as-of lookups run for the few cases changed since, the index holds
 * the rest) but the planner prices every CASE branch for every row, and PostgreSQL's JIT, switched
 * on above that price, spends more compiling (60 ms for a township-year) than the query takes.
 * A little more memory for the aggregate: see the dashboard's decision record.
 */
export function readFigures<T>(scope: FigureScope, fn: (scope: FigureScope) => Promise<T>): Promise<T> {
  return scope.ctx.db.transaction(async (tx) => {
    await tx.execute(sql`set transaction read only`);
    await tx.execute(sql`set local jit = off`);
    // the grouping sets of a district-year (category, disposal, month, child org) hash in memory
    // instead of sorting 519,022 rows on disk (the default 4 MB spilled them)
    await tx.execute(sql`set local work_mem = '32MB'`);
    return fn({ ...scope, db: tx });
  });
}
