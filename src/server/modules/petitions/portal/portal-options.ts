import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { dictItems } from '../../../platform/dictionaries/schema.js';
import { orgs } from '../../../platform/orgs/schema.js';

/** What the report form offers: the townships that accept reports and the problem categories. */
export async function portalOptions(ctx: AppContext) {
  const [townships, categories] = await Promise.all([
    ctx.db
      .select({ id: orgs.id, name: orgs.name })
      .from(orgs)
      .where(and(eq(orgs.kind, 'township'), isNull(orgs.deletedAt)))
      .orderBy(asc(orgs.sort), asc(orgs.name)),
    ctx.db
      .select({ code: dictItems.code, label: dictItems.label })
      .from(dictItems)
      .where(and(eq(dictItems.typeCode, 'petition_category'), eq(dictItems.enabled, true)))
      .orderBy(asc(dictItems.sort), asc(dictItems.id)),
  ]);
  return { orgs: townships, categories };
}

/** A township that accepts reports, or null. */
export async function portalOrg(db: Queryable, id: number) {
  const [org] = await db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(and(eq(orgs.id, id), eq(orgs.kind, 'township'), isNull(orgs.deletedAt)));
  return org ?? null;
}
