import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import {
  ADMONITION_STATUSES,
  type AdmonitionStatus,
} from '../../../domain/admonitions/admonition-workflow.js';
import { nextReportDue } from '../../../domain/admonitions/own-report.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import type { Admonition } from './access.js';
import { loadOwnAdmonition } from './own-admonition.js';
import { admonitionEvents, admonitions } from './schema.js';
import { todayOf } from './tracking.js';

/** What the cadre sees of their own admonition: its dates, the reports due and those handed in — never the officers' check-ins, ratings or notes. */
function ownItem(a: Admonition, orgName: string, done: number, today: string) {
  const next = a.status === 'tracking' ? nextReportDue(a.reportDates, done) : null;
  return {
    id: a.id,
    code: a.code,
    orgName,
    status: a.status,
    statusLabel: ADMONITION_STATUSES[a.status as AdmonitionStatus] ?? a.status,
    talkOn: a.talkOn,
    trackingEndsOn: a.trackingEndsOn,
    releasedOn: a.releasedOn,
    reportDates: a.reportDates,
    reportsDone: done,
    nextReportDue: next,
    reportOverdue: next !== null && next < today,
    version: a.version,
  };
}

/** 我的诫勉: the caller's own talked admonitions (诫勉谈话), newest first; nobody else's. */
export async function myAdmonitions(opts: { ctx: AppContext; actor: Actor }) {
  const { ctx, actor } = opts;
  if (actor.cadreId === null) return { items: [] };
  const today = todayOf(ctx);
  const rows = await ctx.db
    .select({ a: admonitions, orgName: orgs.name })
    .from(admonitions)
    .innerJoin(orgs, eq(orgs.id, admonitions.orgId))
    .where(
      and(
        eq(admonitions.cadreId, actor.cadreId),
        eq(admonitions.kind, 'admonition'),
        ne(admonitions.status, 'pending_talk'),
      ),
    )
    .orderBy(desc(admonitions.talkOn), desc(admonitions.id))
    .limit(100);
  // the reports in of every listed admonition, in one query
  const ids = rows.map(({ a }) => a.id);
  const counted = ids.length
    ? await ctx.db
        .select({ id: admonitionEvents.admonitionId, n: count() })
        .from(admonitionEvents)
        .where(and(inArray(admonitionEvents.admonitionId, ids), eq(admonitionEvents.action, 'report')))
        .groupBy(admonitionEvents.admonitionId)
    : [];
  const done = new Map(counted.map((c) => [c.id, c.n]));
  return { items: rows.map(({ a, orgName }) => ownItem(a, orgName, done.get(a.id) ?? 0, today)) };
}

/** One of the caller's own admonitions, with the written reports handed in (by them or recorded from paper). */
export async function getMyAdmonition(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const a = await loadOwnAdmonition(ctx.db, actor, id);
  const [org] = await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, a.orgId));
  const reports = await ctx.db
    .select()
    .from(admonitionEvents)
    .where(and(eq(admonitionEvents.admonitionId, id), eq(admonitionEvents.action, 'report')))
    .orderBy(asc(admonitionEvents.id));
  return {
    ...ownItem(a, org?.name ?? '', reports.length, todayOf(ctx)),
    reports: reports.map((r) => ({
      on: r.occurredOn,
      dueOn: r.dueOn,
      text: r.note,
      byOwnAccount: r.userId === actor.userId,
    })),
  };
}
