import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { cadres } from '../../cadres/schema.js';

/**
 * Links a named cadre to the registry when exactly one cadre of the org (or below it) has that
 * name, so recusal protects imported cases too; a name shared by several, or unknown, stays text.
 */
export async function cadreNameLookup(
  db: Queryable,
  orgId: number,
): Promise<(name: string) => number | null> {
  const [org] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, orgId));
  const rows = org
    ? await db
        .select({ id: cadres.id, name: cadres.name })
        .from(cadres)
        .innerJoin(orgs, eq(orgs.id, cadres.orgId))
        .where(and(isNull(cadres.deletedAt), sql`${orgs.path} like ${`${org.path}%`}`))
    : [];
  const byName = new Map<string, number | null>();
  for (const c of rows) byName.set(c.name, byName.has(c.name) ? null : c.id);
  return (name) => byName.get(name) ?? null;
}
