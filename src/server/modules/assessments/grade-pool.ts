import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { excellentMax, type Rounding } from '../../../domain/assessments/grades.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { orgs } from '../../platform/orgs/schema.js';
import { cadres } from '../cadres/schema.js';
import { annualGrades } from './schema.js';

/**
 * The 优秀 cap of a township's year: the cadres to be graded (active cadres of its subtree, those
 * graded 不定等次 left out), the 优秀 given, and the most allowed under the rules in force on `on`.
 */
export async function excellentCap(
  db: Queryable,
  ctx: AppContext,
  town: { id: number; path: string },
  year: number,
  on: string,
) {
  const inTown = sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${town.path}%`})`;
  const [{ n: active }] = await db
    .select({ n: count() })
    .from(cadres)
    .where(and(inArray(cadres.orgId, inTown), eq(cadres.status, 'active'), isNull(cadres.deletedAt)));
  const rows = await db
    .select({ grade: annualGrades.grade, n: count() })
    .from(annualGrades)
    .where(and(eq(annualGrades.orgId, town.id), eq(annualGrades.year, year)))
    .groupBy(annualGrades.grade);
  const counts = Object.fromEntries(rows.map((r) => [r.grade, Number(r.n)]));
  const pool = Math.max(0, Number(active) - (counts.不定等次 ?? 0));
  const percent = await ctx.rules.value<number>('review.excellent_cap', on);
  const rounding = await ctx.rules.value<Rounding>('review.excellent_cap_rounding', on);
  return {
    pool,
    counts,
    excellent: counts.优秀 ?? 0,
    max: excellentMax(pool, percent, rounding),
    percent,
    rounding,
  };
}
