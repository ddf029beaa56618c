import { and, asc, desc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { cadres, positions, tenures } from '../cadres/schema.js';

/**
 * The unit's principal leader (主要负责人) on a day: the cadre holding a post of the unit marked
 * principal then (the tenure's flag, as the registry copies it from the post), the longest serving
 * first when two hold one, the post's order next. Null when the post was vacant.
 */
export async function principalLeaderOn(db: Queryable, unitOrgId: number, on: string) {
  const [row] = await db
    .select({ cadreId: tenures.cadreId, name: cadres.name, title: tenures.title })
    .from(tenures)
    .innerJoin(cadres, eq(cadres.id, tenures.cadreId))
    .leftJoin(positions, eq(positions.id, tenures.positionId))
    .where(
      and(
        eq(tenures.orgId, unitOrgId),
        eq(tenures.isPrincipal, true),
        lte(tenures.startDate, on),
        or(isNull(tenures.endDate), gt(tenures.endDate, on)),
        isNull(cadres.deletedAt),
      ),
    )
    .orderBy(asc(positions.sort), asc(tenures.startDate), desc(tenures.id))
    .limit(1);
  return row ?? null;
}
