import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { loadScopedUnit, typesForUnit, typesVisible } from './access.js';
import type { itemTypeQuery } from './contract.js';
import { itemTypeOut } from './item-type-out.js';
import { disclosureItemTypes } from './schema.js';

/** 公开目录: the catalogue the caller sees, by level, or the one a unit publishes under. */
export async function listItemTypes(opts: {
  ctx: AppContext;
  actor: Actor;
  query: z.infer<typeof itemTypeQuery>;
}) {
  const { ctx, actor, query } = opts;
  const unit = query.orgId ? await loadScopedUnit(ctx.db, actor, query.orgId) : null;
  const rows = await ctx.db
    .select({ t: disclosureItemTypes, orgName: orgs.name })
    .from(disclosureItemTypes)
    .leftJoin(orgs, eq(orgs.id, disclosureItemTypes.orgId))
    .where(
      and(
        unit ? typesForUnit(unit) : typesVisible(actor),
        query.level ? eq(disclosureItemTypes.level, query.level) : undefined,
      ),
    )
    .orderBy(asc(disclosureItemTypes.sort), asc(disclosureItemTypes.id));
  const items = [];
  for (const r of rows) items.push(await itemTypeOut(ctx.db, ctx, actor, r.t, r.orgName));
  return { items };
}
