import { and, asc, eq, gt, isNull, or } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/calendar.js';
import type { AppContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { cadres, tenures } from '../../cadres/schema.js';
import { pledges } from '../schema.js';
import { standingsOf } from '../standing.js';

/**
 * A village's public pledge board (任期承诺公开): the pledges of the cadres now in post, each with its
 * items (target, due date, progress), the whole pledge's progress and its 兑现率, and the 述诺 once
 * made. Nothing of the appraisal's ballots, the admonition or who entered what.
 */
export async function villagePledgeBoard(ctx: AppContext, villageId: number) {
  const today = chinaDate(ctx.clock.now());
  const [village] = await ctx.db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(and(eq(orgs.id, villageId), eq(orgs.kind, 'village'), isNull(orgs.deletedAt)));
  if (!village) throw notFound('该村不存在');
  const rows = await ctx.db
    .select({
      id: pledges.id,
      cadre: cadres.name,
      post: tenures.title,
      title: pledges.title,
      pledgedOn: pledges.pledgedOn,
      report: pledges.report,
      reportedOn: pledges.reportedOn,
    })
    .from(pledges)
    .innerJoin(cadres, eq(cadres.id, pledges.cadreId))
    .innerJoin(tenures, eq(tenures.id, pledges.tenureId))
    .where(
      and(
        eq(pledges.orgId, village.id),
        isNull(cadres.deletedAt),
        or(isNull(tenures.endDate), gt(tenures.endDate, today)),
      ),
    )
    .orderBy(asc(tenures.startDate), asc(pledges.id))
    .limit(100);
  const standing = await standingsOf(
    ctx.db,
    rows.map((r) => r.id),
    today,
  );
  let due = 0;
  let fulfilled = 0;
  const items = rows.map((r) => {
    const s = standing.get(r.id)!;
    due += s.due;
    fulfilled += s.fulfilled;
    const lastOn = new Map<number, string>();
    for (const e of s.entries) if (e.reportedOn <= today) lastOn.set(e.itemId, e.reportedOn);
    return {
      ...r,
      progress: s.overall,
      due: s.due,
      fulfilled: s.fulfilled,
      rate: s.rate,
      items: s.items.map((i) => ({
        id: i.id,
        parentId: i.parentId,
        title: i.title,
        target: i.target,
        dueOn: i.dueOn,
        progress: s.percent.get(i.id) ?? 0,
        lastReportedOn: lastOn.get(i.id) ?? null,
      })),
    };
  });
  return {
    village,
    asOf: today,
    due,
    fulfilled,
    rate: due ? Math.round((fulfilled / due) * 1000) / 10 : null,
    pledges: items,
  };
}
