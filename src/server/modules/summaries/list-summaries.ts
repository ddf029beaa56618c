import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { users } from '../../platform/users/schema.js';
import type { ListSummariesQuery, SummaryListOut } from './contract.js';
import { summaryOrg } from './load-summary.js';
import { summaries } from './schema.js';

/**
 * The summaries in the caller's scope (an org's, a year's): the draft and the final versions,
 * newest year and version first, a page at a time. An org outside the scope is a 404.
 */
export async function listSummaries(opts: {
  ctx: AppContext;
  actor: Actor;
  query: ListSummariesQuery;
}): Promise<SummaryListOut> {
  const { ctx, actor, query } = opts;
  if (query.orgId !== undefined) await summaryOrg(ctx.db, actor, query.orgId);
  const where: (SQL | undefined)[] = [scopeFilter(actor, summaries.orgId)];
  if (query.orgId !== undefined) where.push(eq(summaries.orgId, query.orgId));
  if (query.year !== undefined) where.push(eq(summaries.year, query.year));
  const cond = and(...where);
  const [{ n }] = await ctx.db.select({ n: count() }).from(summaries).where(cond);
  const rows = await ctx.db
    .select({
      id: summaries.id,
      orgId: summaries.orgId,
      orgName: orgs.name,
      year: summaries.year,
      status: summaries.status,
      version: summaries.version,
      asOf: summaries.asOf,
      generatedAt: summaries.generatedAt,
      generatedBy: users.displayName,
      fileName: summaries.fileName,
    })
    .from(summaries)
    .innerJoin(orgs, eq(orgs.id, summaries.orgId))
    .leftJoin(users, eq(users.id, summaries.generatedBy))
    .where(cond)
    .orderBy(desc(summaries.year), summaries.orgId, summaries.status, desc(summaries.version))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map((r) => ({
      id: r.id,
      org: { id: r.orgId, name: r.orgName },
      year: r.year,
      status: r.status as 'draft' | 'final',
      version: r.version,
      asOf: r.asOf,
      generatedAt: r.generatedAt.toISOString(),
      generatedBy: r.generatedBy,
      fileName: r.fileName,
    })),
    total: n,
    page: query.page,
    pageSize: query.pageSize,
  };
}
