import { asc, inArray } from 'drizzle-orm';
import { fulfilmentRate, latestPercent, leaves, rollUp } from '../../../domain/pledges/pledges.js';
import type { Queryable } from '../../platform/db/client.js';
import { pledgeItems, pledgeProgress } from './schema.js';

export type ItemRow = typeof pledgeItems.$inferSelect;
export type ProgressRow = typeof pledgeProgress.$inferSelect;

/** A pledge as it stood on `asOf`: each item's rolled-up progress, the whole pledge's, and its 兑现率. */
export interface Standing {
  items: ItemRow[];
  entries: ProgressRow[];
  percent: Map<number, number>;
  overall: number;
  due: number;
  fulfilled: number;
  rate: number | null;
}

/** Each pledge's standing on `asOf` (兑现率 over its leaf items due on or before that day). */
export async function standingsOf(
  db: Queryable,
  pledgeIds: number[],
  asOf: string,
): Promise<Map<number, Standing>> {
  const out = new Map<number, Standing>();
  if (!pledgeIds.length) return out;
  const items = await db
    .select()
    .from(pledgeItems)
    .where(inArray(pledgeItems.pledgeId, pledgeIds))
    .orderBy(asc(pledgeItems.sort), asc(pledgeItems.id));
  const entries = await db
    .select()
    .from(pledgeProgress)
    .where(inArray(pledgeProgress.pledgeId, pledgeIds))
    .orderBy(asc(pledgeProgress.reportedOn), asc(pledgeProgress.id));
  for (const id of pledgeIds) {
    const its = items.filter((i) => i.pledgeId === id);
    const ens = entries.filter((e) => e.pledgeId === id);
    const latest = latestPercent(ens, asOf);
    // a virtual root (id 0) over the top-level items gives the whole pledge's progress
    const tree = [
      { id: 0, parentId: null, weight: null },
      ...its.map((i) => ({ id: i.id, parentId: i.parentId ?? 0, weight: i.weight })),
    ];
    const percent = rollUp(tree, latest);
    const overall = its.length ? percent.get(0)! : 0;
    percent.delete(0);
    const r = fulfilmentRate(
      leaves(its).map((i) => ({ dueOn: i.dueOn, percentAsOf: latest.get(i.id) })),
      asOf,
    );
    out.set(id, { items: its, entries: ens, percent, overall, ...r });
  }
  return out;
}
