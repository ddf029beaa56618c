import { and, count, desc, eq, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import type { disclosureListQuery } from './contract.js';
import { disclosureItemTypes, disclosures } from './schema.js';

/** The disclosures of the caller's scope, newest first, by unit and status (the review queue: status in_review). */
export async function listDisclosures(opts: {
  ctx: AppContext;
  actor: Actor;
  query: z.infer<typeof disclosureListQuery>;
}) {
  const { ctx, actor, query: q } = opts;
  const where = and(
    scopeFilter(actor, disclosures.orgId),
    q.orgId ? eq(disclosures.orgId, q.orgId) : undefined,
    q.status === 'in_review'
      ? or(eq(disclosures.status, 'in_review'), eq(disclosures.revisionStatus, 'in_review'))
      : q.status
        ? eq(disclosures.status, q.status)
        : undefined,
  );
  const [{ total }] = await ctx.db.select({ total: count() }).from(disclosures).where(where);
  const rows = await ctx.db
    .select({ d: disclosures, orgName: orgs.name, typeName: disclosureItemTypes.name })
    .from(disclosures)
    .leftJoin(orgs, eq(orgs.id, disclosures.orgId))
    .leftJoin(disclosureItemTypes, eq(disclosureItemTypes.id, disclosures.itemTypeId))
    .where(where)
    .orderBy(desc(disclosures.updatedAt), desc(disclosures.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    items: rows.map(({ d, orgName, typeName }) => ({
      id: d.id,
      orgId: d.orgId,
      orgName,
      itemTypeId: d.itemTypeId,
      itemTypeName: typeName,
      period: d.period,
      title: d.title,
      status: d.status,
      indexNo: d.indexNo,
      issuedOn: d.issuedOn,
      publishedOn: d.publishedOn,
      revisionStatus: d.revisionStatus,
      version: d.version,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
