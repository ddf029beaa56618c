import { and, eq, inArray, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import { addDays, chinaDate } from '../../../domain/calendar.js';
import type { AppContext } from '../../platform/context.js';
import { safeError } from '../../platform/http/safe-log.js';
import { type RecurringJob, registerJob } from '../../platform/jobs/registry.js';
import { orgs } from '../../platform/orgs/schema.js';
import { structureCubes } from './schema.js';
import { buildStored } from './structure.js';

/** How often the stale stored structure is built again unless STRUCTURE_REFRESH_MS says otherwise. */
export const STRUCTURE_REFRESH_MS = 60_000;

/**
 * 素质结构's refresh (docs/decisions/assessments.md): a change to a tenure or a cadre marks the
 * stored rows it reaches stale (an org moved or deleted still deletes them all) (migration 0046) instead of deleting them, so this job knows what
 * was being read and builds exactly those rows again — the days, the days' distributions, the
 * levels offered — under the same locks as a request. The first view after a write then finds
 * them built, unless it comes before the next run (it counts, as before). An org a writer holds right
 * now is skipped and left stale for the next run; the rows of an org since deleted go. On a new day
 * it also counts the day for every org and level a reader's request counted on one of the seven
 * days before (rows marked `asked`), so the first view of the morning is stored too. Only what was
 * asked in the last week is kept warm: other stale rows are dropped, and an org viewed every day
 * warm stops being refreshed a week after the last view that counted, until viewed again.
 */
export async function refreshStructure(ctx: AppContext): Promise<{ groups: number; left: number }> {
  // an org deleted since its rows went stale: all its rows go (nothing can ask for it again)
  await ctx.db
    .delete(structureCubes)
    .where(
      and(
        inArray(
          structureCubes.orgId,
          ctx.db
            .selectDistinct({ id: structureCubes.orgId })
            .from(structureCubes)
            .where(eq(structureCubes.stale, true)),
        ),
        notInArray(
          structureCubes.orgId,
          ctx.db.select({ id: orgs.id }).from(orgs).where(isNull(orgs.deletedAt)),
        ),
      ),
    );
  const today = chinaDate(ctx.clock.now());
  // stale rows of an org and level no reader's request counted in the last week are dropped, not
  // counted again: the job keeps warm what is being read, not everything ever read (year-ends are
  // kept for ever); the next view counts them. The levels row goes with the org's last level.
  await ctx.db.execute(sql`delete from ${structureCubes} k where k.stale and not exists (
      select 1 from ${structureCubes} a where a.org_id = k.org_id and a.asked
        and a.day >= ${addDays(today, -7)}::date and a.day <> 'infinity'
        and (a.level = k.level or k.day = 'infinity'))`);
  const groups = await ctx.db
    .select({
      orgId: structureCubes.orgId,
      level: structureCubes.level,
      days: sql<string[]>`coalesce(array_agg(${structureCubes.day}::text order by ${structureCubes.day})
        filter (where ${structureCubes.day} <> 'infinity'), '{}')`,
      counted: sql<string[]>`coalesce(array_agg(${structureCubes.day}::text order by ${structureCubes.day})
        filter (where ${structureCubes.day} <> 'infinity' and ${isNotNull(structureCubes.counts)}), '{}')`,
    })
    .from(structureCubes)
    .where(eq(structureCubes.stale, true))
    .groupBy(structureCubes.orgId, structureCubes.level)
    .orderBy(structureCubes.orgId, structureCubes.level);
  // one group that fails (a deadlock, a lost connection) leaves its rows stale for the next run
  const each = async (what: string, build: () => Promise<unknown>) => {
    try {
      await build();
    } catch (e) {
      console.error(`[structure] refresh of ${what} failed`, JSON.stringify(safeError(e)));
    }
  };
  for (const g of groups)
    await each(`org ${g.orgId} ${g.level}`, () =>
      buildStored(ctx, g.orgId, g.days, g.counted, g.level, 'refresh'),
    );
  // a new day: today's distributions for each org and level a reader asked for in the last week
  const asked = await ctx.db
    .selectDistinct({ orgId: structureCubes.orgId, level: structureCubes.level })
    .from(structureCubes)
    .where(
      and(
        eq(structureCubes.asked, true),
        isNotNull(structureCubes.counts),
        sql`${structureCubes.day} >= ${addDays(today, -7)}::date and ${structureCubes.day} < ${today}::date`,
        // of an org still there (a deleted org's rows are not counted ahead)
        sql`exists (select 1 from ${orgs} o where o.id = ${structureCubes.orgId} and o.deleted_at is null)`,
        // not counted for today yet (so a minute's run past the first of the day reads one statement)
        sql`not exists (select 1 from structure_cubes t where t.org_id = ${structureCubes.orgId}
          and t.day = ${today}::date and t.level = ${structureCubes.level} and t.counts is not null
          and not t.stale)`,
      ),
    )
    .orderBy(structureCubes.orgId, structureCubes.level);
  for (const a of asked)
    await each(`org ${a.orgId} ${a.level} on ${today}`, () =>
      buildStored(ctx, a.orgId, [today], [today], a.level, 'refresh'),
    );
  const [{ left }] = await ctx.db
    .select({ left: sql<number>`count(distinct (${structureCubes.orgId}, ${structureCubes.level}))::int` })
    .from(structureCubes)
    .where(eq(structureCubes.stale, true));
  return { groups: groups.length, left: Number(left) };
}

/** The refresh as a recurring job: on one instance per slot, however many are running. */
export const structureRefreshJob = (config: { structureRefreshMs?: number } = {}): RecurringJob => ({
  name: 'assessment.structure_refresh',
  everyMs: config.structureRefreshMs ?? STRUCTURE_REFRESH_MS,
  run: async (ctx) => {
    await refreshStructure(ctx);
  },
});

export function registerAssessmentJobs(config: { structureRefreshMs?: number } = {}): void {
  registerJob(structureRefreshJob(config));
}
