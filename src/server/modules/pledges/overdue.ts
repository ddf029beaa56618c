import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { latestPercent, leaves } from '../../../domain/pledges/pledges.js';
import type { Queryable } from '../../platform/db/client.js';
import { cadres } from '../cadres/schema.js';
import { pledgeItems, pledgeProgress, pledges } from './schema.js';

/**
 * The pledged items of a village's cadres unfulfilled at the end of a period — what the assessments
 * module deducts for: leaf items of the pledges made public by that day, due on or before it, whose
 * latest progress reported by that day is under 100% (exactly the items 兑现率 counts as due and not
 * fulfilled on that day).
 */
export async function unfulfilledItemsOfUnitAt(db: Queryable, unitOrgId: number, periodEnd: string) {
  const ps = await db
    .select({ id: pledges.id, title: pledges.title, cadre: cadres.name })
    .from(pledges)
    .innerJoin(cadres, eq(cadres.id, pledges.cadreId))
    .where(and(eq(pledges.orgId, unitOrgId), lte(pledges.pledgedOn, periodEnd)));
  if (!ps.length) return [];
  const ids = ps.map((p) => p.id);
  const items = await db
    .select()
    .from(pledgeItems)
    .where(inArray(pledgeItems.pledgeId, ids))
    .orderBy(asc(pledgeItems.dueOn), asc(pledgeItems.id));
  const entries = await db
    .select()
    .from(pledgeProgress)
    .where(and(inArray(pledgeProgress.pledgeId, ids), lte(pledgeProgress.reportedOn, periodEnd)));
  const latest = latestPercent(entries, periodEnd);
  const byId = new Map(ps.map((p) => [p.id, p]));
  return leaves(items)
    .filter((i) => i.dueOn <= periodEnd && (latest.get(i.id) ?? 0) < 100)
    .map((i) => {
      const p = byId.get(i.pledgeId)!;
      return {
        id: i.id,
        pledgeId: i.pledgeId,
        code: `${p.cadre}：${i.title}`,
        dueOn: i.dueOn,
        percent: latest.get(i.id) ?? 0,
      };
    });
}
