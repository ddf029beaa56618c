import { and, asc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { jobRuns } from './schema.js';

export type JobRun = typeof jobRuns.$inferSelect;

export interface ClaimOptions {
  instanceId: string;
  now: Date;
  names: string[];
  /** Rows still 'running' but locked before this were left by a crashed instance: take them over. */
  staleBefore: Date;
  maxAttempts: number;
}

/**
 * Takes one due run for this instance. `FOR UPDATE SKIP LOCKED` in a scalar subquery makes the pick
 * and the update one statement: of several instances racing for a row, exactly one gets it
 * (the same SQL on PGlite and PostgreSQL).
 */
export async function claimRun(db: Queryable, o: ClaimOptions): Promise<JobRun | null> {
  if (o.names.length === 0) return null;
  const pick = db
    .select({ id: jobRuns.id })
    .from(jobRuns)
    .where(
      and(
        inArray(jobRuns.name, o.names),
        lte(jobRuns.runAt, o.now),
        lt(jobRuns.attempts, o.maxAttempts),
        or(
          eq(jobRuns.status, 'pending'),
          and(eq(jobRuns.status, 'running'), lt(jobRuns.lockedAt, o.staleBefore)),
        ),
      ),
    )
    .orderBy(asc(jobRuns.runAt), asc(jobRuns.id))
    .limit(1)
    .for('update', { skipLocked: true });
  const [run] = await db
    .update(jobRuns)
    .set({
      status: 'running',
      lockedBy: o.instanceId,
      lockedAt: o.now,
      attempts: sql`${jobRuns.attempts} + 1`,
    })
    .where(sql`${jobRuns.id} = (${pick})`)
    .returning();
  return run ?? null;
}

/** Runs abandoned by a crashed instance after their last attempt: give up on them. */
export async function failExhausted(db: Queryable, o: ClaimOptions): Promise<void> {
  await db
    .update(jobRuns)
    .set({ status: 'failed', finishedAt: o.now, lockedBy: null, error: '运行超时，已达最大尝试次数' })
    .where(
      and(
        inArray(jobRuns.name, o.names),
        eq(jobRuns.status, 'running'),
        lt(jobRuns.lockedAt, o.staleBefore),
        gte(jobRuns.attempts, o.maxAttempts),
      ),
    );
}

/** Records the outcome, only if this instance still holds the run (it may have been taken over). */
export async function finishRun(
  db: Queryable,
  run: JobRun,
  instanceId: string,
  outcome: { status: 'done' | 'failed' | 'pending'; at: Date; error?: string; retryAt?: Date },
): Promise<void> {
  await db
    .update(jobRuns)
    .set({
      status: outcome.status,
      finishedAt: outcome.status === 'pending' ? null : outcome.at,
      error: outcome.error ?? null,
      runAt: outcome.retryAt ?? run.runAt,
      lockedBy: null,
      lockedAt: null,
    })
    .where(
      and(
        eq(jobRuns.id, run.id),
        eq(jobRuns.lockedBy, instanceId),
        eq(jobRuns.status, 'running'),
        eq(jobRuns.attempts, run.attempts),
      ),
    );
}
