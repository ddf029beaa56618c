import { eq, inArray } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { users } from '../../platform/users/schema.js';
import { cadres, tenures } from '../cadres/schema.js';
import { loadPledge } from './access.js';
import { pledgeAttachments } from './schema.js';
import { standingsOf } from './standing.js';

/** A pledge with its item tree (rolled-up progress), progress entries, 述诺, 评诺 and 兑现率 as of a day. */
export async function getPledge(opts: { ctx: AppContext; actor: Actor; id: number; asOf?: string }) {
  const { ctx, actor, id } = opts;
  const asOf = opts.asOf ?? chinaDate(ctx.clock.now());
  const p = await loadPledge(ctx.db, actor, id, { own: true });
  const [head] = await ctx.db
    .select({
      cadre: cadres.name,
      village: orgs.name,
      post: tenures.title,
      termFrom: tenures.startDate,
      termTo: tenures.endDate,
    })
    .from(tenures)
    .innerJoin(cadres, eq(cadres.id, tenures.cadreId))
    .innerJoin(orgs, eq(orgs.id, tenures.orgId))
    .where(eq(tenures.id, p.tenureId));
  const s = (await standingsOf(ctx.db, [p.id], asOf)).get(p.id)!;
  const by = [...new Set(s.entries.map((e) => e.createdBy).filter((u): u is number => u !== null))];
  const names = new Map(
    by.length
      ? (
          await ctx.db
            .select({ id: users.id, name: users.displayName })
            .from(users)
            .where(inArray(users.id, by))
        ).map((u) => [u.id, u.name])
      : [],
  );
  const files = await ctx.db
    .select({
      id: pledgeAttachments.id,
      entryId: pledgeAttachments.entryId,
      fileName: pledgeAttachments.fileName,
    })
    .from(pledgeAttachments)
    .where(eq(pledgeAttachments.pledgeId, p.id))
    .orderBy(pledgeAttachments.id);
  return {
    id: p.id,
    orgId: p.orgId,
    cadreId: p.cadreId,
    tenureId: p.tenureId,
    title: p.title,
    pledgedOn: p.pledgedOn,
    cadre: head?.cadre ?? '',
    village: head?.village ?? '',
    post: head?.post ?? '',
    termFrom: head?.termFrom ?? null,
    termTo: head?.termTo ?? null,
    report: p.report,
    reportedOn: p.reportedOn,
    appraisal: p.appraisal as Record<string, unknown> | null,
    appraisedOn: p.appraisedOn,
    admonitionId: p.admonitionId,
    version: p.version,
    /** The caller is the pledging cadre (enters their own progress). */
    own: actor.cadreId !== null && actor.cadreId === p.cadreId,
    asOf,
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
      weight: i.weight,
      progress: s.percent.get(i.id) ?? 0,
      leaf: !s.items.some((c) => c.parentId === i.id),
    })),
    entries: s.entries.map((e) => ({
      id: e.id,
      itemId: e.itemId,
      reportedOn: e.reportedOn,
      percent: e.percent,
      evidence: e.evidence,
      by: e.createdBy ? (names.get(e.createdBy) ?? null) : null,
      files: files.filter((f) => f.entryId === e.id).map((f) => ({ id: f.id, fileName: f.fileName })),
    })),
  };
}
