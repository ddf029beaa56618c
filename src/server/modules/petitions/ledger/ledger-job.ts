import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { type ImportJob, importFailureMessage, type JobHandle, jobHandle } from '../../cadres/import-jobs.js';
import { importJobs } from '../../cadres/schema.js';

export const LEDGER_JOB = 'petitions_ledger';

/**
 * The ledger import runs after the upload answers, as the cadre imports do (same import_jobs table
 * and job handle, kind petitions_ledger): the page polls its progress, the result and the error sheet.
 */
export async function startLedgerJob(
  ctx: AppContext,
  actor: Actor,
  orgId: number,
  work: (job: JobHandle) => Promise<void>,
): Promise<ImportJob> {
  const [job] = await ctx.db
    .insert(importJobs)
    .values({ kind: LEDGER_JOB, userId: actor.userId, orgId })
    .returning();
  const handle = jobHandle(ctx, job.id);
  setImmediate(() => {
    work(handle).catch(async (e) => {
      const message = importFailureMessage(e);
      await handle.finish('failed', { message });
    });
  });
  return job;
}

/** One's own ledger import (another user's, or another kind of import, is not found). */
export async function loadLedgerJob(ctx: AppContext, actor: Actor, id: number): Promise<ImportJob> {
  const [job] = await ctx.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), eq(importJobs.userId, actor.userId), eq(importJobs.kind, LEDGER_JOB)));
  if (!job) throw notFound('导入任务不存在');
  return job;
}
