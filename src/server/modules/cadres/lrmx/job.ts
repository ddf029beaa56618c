import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { notFound } from '../../../platform/http/errors.js';
import type { ImportJob } from '../../../platform/imports/jobs.js';
import { jobOut } from '../../../platform/imports/routes.js';
import { importJobs } from '../../../platform/imports/schema.js';
import { type FileReport, summarize } from './report.js';

export const toJobOut = jobOut;

/** One's own import; anyone else's is a 404, as for the progress endpoint. */
export async function loadOwnJob(db: Queryable, actor: Actor, id: number): Promise<ImportJob> {
  const [job] = await db
    .select()
    .from(importJobs)
    .where(
      and(eq(importJobs.id, id), eq(importJobs.userId, actor.userId), eq(importJobs.kind, 'cadres_lrmx')),
    );
  if (!job) throw notFound('导入任务不存在');
  return job;
}

/** The import is written: audited with its counts and files, and the job closed with its report. */
export async function completeImport(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  job: { id: number; orgId: number },
  files: FileReport[],
): Promise<void> {
  const result = summarize(files);
  const names = (pick: (f: FileReport) => boolean) => files.filter(pick).map((f) => f.name);
  await recordAudit(tx, ctx.clock, actor, {
    action: 'cadre.import',
    objectType: 'import_job',
    objectId: job.id,
    detail: {
      kind: 'lrmx',
      orgId: job.orgId,
      created: result.created,
      updated: result.updated,
      refused: result.refused,
      skipped: result.skipped,
      tenures: result.tenures,
      files: names((f) => f.imported).slice(0, 500),
      refusedFiles: names((f) => f.status === 'refused').slice(0, 500),
      skippedFiles: names((f) => !!f.skipped).slice(0, 500),
    },
  });
  await tx
    .update(importJobs)
    .set({
      status: 'succeeded',
      message: null,
      result: JSON.stringify(result),
      pending: null,
      processed: files.length,
      total: files.length,
      finishedAt: ctx.clock.now(),
    })
    .where(eq(importJobs.id, job.id));
}
