import { and, asc, count, eq, ilike, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { scopeFilter } from '../access/scope.js';
import type { AppContext } from '../context.js';
import { likePattern, offsetOf, orderBy, type Page } from '../http/pagination.js';
import type { OrgOut, orgListQuery } from './contract.js';
import { prefixFromName } from './petition-prefix.js';
import { orgs } from './schema.js';

export async function listOrgs(opts: {
  ctx: AppContext;
  actor: Actor;
  query: z.infer<typeof orgListQuery>;
}): Promise<Page<OrgOut>> {
  const { ctx, actor, query } = opts;
  const where = and(
    isNull(orgs.deletedAt),
    scopeFilter(actor, orgs.id),
    query.parentId ? eq(orgs.parentId, query.parentId) : undefined,
    query.kind ? eq(orgs.kind, query.kind) : undefined,
    query.q ? or(ilike(orgs.name, likePattern(query.q)), ilike(orgs.code, likePattern(query.q))) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    ctx.db
      .select()
      .from(orgs)
      .where(where)
      .orderBy(
        orderBy(query, { name: orgs.name, sort: orgs.sort, createdAt: orgs.createdAt }, 'sort'),
        asc(orgs.id),
      )
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    ctx.db.select({ total: count() }).from(orgs).where(where),
  ]);
  return { items: items.map(toOut), total, page: query.page, pageSize: query.pageSize };
}

/** The whole visible tree, flat (the UI nests it): small enough for a district, ordered for display. */
export async function orgTree(opts: { ctx: AppContext; actor: Actor }): Promise<OrgOut[]> {
  const rows = await opts.ctx.db
    .select()
    .from(orgs)
    .where(and(isNull(orgs.deletedAt), scopeFilter(opts.actor, orgs.id)))
    .orderBy(asc(orgs.sort), asc(orgs.id));
  return rows.map(toOut);
}

export const toOut = (o: typeof orgs.$inferSelect): OrgOut => ({
  id: o.id,
  parentId: o.parentId,
  name: o.name,
  kind: o.kind,
  code: o.code,
  path: o.path,
  petitionPrefix: o.petitionPrefix,
  petitionPrefixSuggested: o.petitionPrefix ?? prefixFromName(o.name),
  sort: o.sort,
  version: o.version,
});
