import { and, count, eq, inArray, lte, max, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { importJobs } from '../imports/schema.js';
import { jobRuns, schedulerTicks } from '../jobs/schema.js';

/** Some instance's scheduler ticked within this long, or the scheduler counts as stopped. */
export const SCHEDULER_STALE_MS = 5 * 60_000;
/** A database that has not answered `select 1` within this long counts as down. */
export const DATABASE_TIMEOUT_MS = 3_000;

export interface Health {
  status: 'ok' | 'degraded' | 'down';
  database: { kind: 'pglite' | 'postgres'; ok: boolean };
  scheduler: { ok: boolean; lastTickAt: string | null; secondsSinceTick: number | null };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** The newest tick of any instance's scheduler (they all share the database). */
async function lastTick(db: AppContext['db']): Promise<Date | null> {
  const [row] = await db.select({ at: max(schedulerTicks.tickedAt) }).from(schedulerTicks);
  return row?.at ? new Date(row.at) : null;
}

/**
 * Is this instance fit to serve: the database answers (else `down`, 503), and some scheduler —
 * on this instance or another — ticked lately (else `degraded`: requests are served, but reminders,
 * escalations and backups wait). No secret, no instance detail.
 */
export async function checkHealth(ctx: AppContext): Promise<Health> {
  const kind = ctx.database.kind;
  // on PostgreSQL a connection of its own, not a turn in the request pool's queue
  const db = ctx.database.health ?? ctx.db;
  try {
    const tick = await withTimeout(
      (async () => {
        await db.execute(sql`select 1`);
        return lastTick(db);
      })(),
      DATABASE_TIMEOUT_MS,
    );
    const age = tick ? Math.max(0, ctx.clock.now().getTime() - tick.getTime()) : null;
    const schedulerOk = age !== null && age <= SCHEDULER_STALE_MS;
    return {
      status: schedulerOk ? 'ok' : 'degraded',
      database: { kind, ok: true },
      scheduler: {
        ok: schedulerOk,
        lastTickAt: tick?.toISOString() ?? null,
        secondsSinceTick: age === null ? null : Math.round(age / 1000),
      },
    };
  } catch {
    return {
      status: 'down',
      database: { kind, ok: false },
      scheduler: { ok: false, lastTickAt: null, secondsSinceTick: null },
    };
  }
}

/** The deployment's gauges read from the shared database at scrape time (the same on every instance). */
export async function sharedGauges(ctx: AppContext): Promise<string[]> {
  const now = ctx.clock.now();
  const [due] = await ctx.db
    .select({ n: count() })
    .from(jobRuns)
    .where(and(eq(jobRuns.status, 'pending'), lte(jobRuns.runAt, now)));
  const running = await ctx.db.select({ n: count() }).from(jobRuns).where(eq(jobRuns.status, 'running'));
  const imports = await ctx.db
    .select({ status: importJobs.status, n: count() })
    .from(importJobs)
    .where(inArray(importJobs.status, ['running', 'awaiting_confirmation']))
    .groupBy(importJobs.status);
  const tick = await lastTick(ctx.db);
  const out = [
    '# HELP jiandu_job_queue_depth Job runs due and waiting for a scheduler (all instances).',
    '# TYPE jiandu_job_queue_depth gauge',
    `jiandu_job_queue_depth ${Number(due?.n ?? 0)}`,
    '# HELP jiandu_job_runs_running Job runs being executed now (all instances).',
    '# TYPE jiandu_job_runs_running gauge',
    `jiandu_job_runs_running ${Number(running[0]?.n ?? 0)}`,
    '# HELP jiandu_import_queue_depth Imports in progress or waiting for confirmation (all instances).',
    '# TYPE jiandu_import_queue_depth gauge',
  ];
  for (const status of ['running', 'awaiting_confirmation'])
    out.push(
      `jiandu_import_queue_depth{status="${status}"} ${Number(imports.find((r) => r.status === status)?.n ?? 0)}`,
    );
  out.push(
    "# HELP jiandu_scheduler_last_tick_age_seconds Seconds since any instance's scheduler last ticked (-1: never).",
    '# TYPE jiandu_scheduler_last_tick_age_seconds gauge',
    `jiandu_scheduler_last_tick_age_seconds ${tick ? Math.round((now.getTime() - tick.getTime()) / 1000) : -1}`,
  );
  return out;
}

/** Failed job runs in the last day, by job (all instances), from the runs the database keeps. */
export async function failedRunGauges(ctx: AppContext): Promise<string[]> {
  const since = new Date(ctx.clock.now().getTime() - 24 * 3_600_000);
  const rows = await ctx.db
    .select({ name: jobRuns.name, n: count() })
    .from(jobRuns)
    .where(
      and(eq(jobRuns.status, 'failed'), sql`${jobRuns.finishedAt} >= ${since.toISOString()}::timestamptz`),
    )
    .groupBy(jobRuns.name);
  return [
    '# HELP jiandu_job_failures_24h Job runs that failed for good in the last 24 hours (all instances).',
    '# TYPE jiandu_job_failures_24h gauge',
    ...rows.map((r) => `jiandu_job_failures_24h{job="${r.name}"} ${Number(r.n)}`),
  ];
}
