import { and, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { notFound } from '../http/errors.js';
import { safeError } from '../http/safe-log.js';
import { type ImportJob, startImportJob } from '../imports/jobs.js';
import { importJobs } from '../imports/schema.js';
import { type BackupRecord, claimBackupSlot, makeBackup } from './live-backup.js';

/** The background jobs' kind for the system administrator's "立即备份" (in the shared job table). */
export const BACKUP_JOB_KIND = 'backup';

/** The job of this process's backup in progress, if one is: what the backups page finds on reload. */
let current: number | null = null;

/**
 * "立即备份" as a background job (the platform's import job, kind `backup`): the slot is taken first
 * (a second request meanwhile is a 409), the job row made, and the backup runs after the request has
 * answered, reporting its steps (each table, the files, the verification) to the row the page polls;
 * the record of the verified backup becomes the job's result, a failure its message. The backup's own
 * audit entry records the outcome, so the request adds none.
 */
export async function startBackupJob(ctx: AppContext, actor: Actor): Promise<ImportJob> {
  const release = claimBackupSlot();
  let job: ImportJob;
  try {
    job = await startImportJob(ctx, actor, BACKUP_JOB_KIND, async (handle) => {
      try {
        const record: BackupRecord = await makeBackup(
          ctx,
          {
            kind: 'manual',
            actor,
            onProgress: (n, total) => {
              handle.progress(n, total).catch(() => {});
            },
          },
          release,
        );
        await handle.finish('succeeded', {
          result: record,
          message: record.verified ? undefined : `备份完成，但校验未通过：${record.problem ?? ''}`,
        });
      } catch (e) {
        console.error('[backup] manual backup failed', JSON.stringify(safeError(e)));
        await handle.finish('failed', { message: backupFailureMessage(e) });
      } finally {
        if (current === handle.id) current = null;
      }
    });
  } catch (e) {
    release();
    throw e;
  }
  current = job.id;
  actor.audited = true;
  return job;
}

/** What the administrator is told of a failed backup: its Chinese reason, or a plain sentence. */
export function backupFailureMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : '';
  return /[\u4e00-\u9fff]/.test(m) && !/Failed query|params:/.test(m)
    ? m.slice(0, 500)
    : '备份失败（原因已记入审计日志和服务器日志），请稍后重试';
}

/** A backup job by its id (any whole-scope administrator's: they share the backups). */
export async function loadBackupJob(ctx: AppContext, id: number): Promise<ImportJob> {
  const [job] = await ctx.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), eq(importJobs.kind, BACKUP_JOB_KIND)));
  if (!job) throw notFound('备份任务不存在');
  return job;
}

/** The backup job this process is running, if any. */
export async function runningBackupJob(ctx: AppContext): Promise<ImportJob | null> {
  if (current === null) return null;
  const [job] = await ctx.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, current), eq(importJobs.status, 'running')));
  return job ?? null;
}
