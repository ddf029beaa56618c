import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { unprocessable } from '../../../platform/http/errors.js';
import { loadOrg } from '../../../platform/orgs/load-org.js';
import type { ImportJob } from '../import-jobs.js';
import { importJobs } from '../schema.js';
import { writeRecords } from './apply.js';
import { completeImport, loadOwnJob, toJobOut } from './job.js';
import { unpackPending } from './pending.js';
import type { ImportResult } from './report.js';

const NOT_WAITING = '该导入不在等待确认状态';
const waiting = (job: ImportJob) => job.kind === 'cadres_lrmx' && job.status === 'awaiting_confirmation';

/** Takes the job out of 'awaiting_confirmation' inside the transaction, so a double click imports once. */
async function claim(tx: Queryable, id: number, set: Partial<typeof importJobs.$inferInsert>) {
  const [row] = await tx
    .update(importJobs)
    .set(set)
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'awaiting_confirmation')))
    .returning({ id: importJobs.id });
  if (!row) throw unprocessable(NOT_WAITING);
}

/** The user confirms: the files that parsed are imported in one transaction; refused ones are not. */
export async function confirmImport(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const job = await loadOwnJob(ctx.db, actor, id);
  if (!waiting(job) || !job.pending || !job.result) throw unprocessable(NOT_WAITING);
  const pending = unpackPending(job.pending);
  await loadOrg(ctx.db, actor, pending.orgId);
  const { files } = JSON.parse(job.result) as ImportResult;
  await ctx.db.transaction(async (tx) => {
    await claim(tx, id, { status: 'running' });
    const pairs = pending.records.map((record) => ({
      record,
      report: files.find((f) => f.name === record.file && f.status !== 'refused')!,
    }));
    await writeRecords(tx, ctx, actor, pending.orgId, pairs);
    await completeImport(tx, ctx, actor, { id, orgId: pending.orgId }, files);
  });
  return toJobOut(await loadOwnJob(ctx.db, actor, id));
}

/** The user cancels: nothing is imported and the parsed files are discarded. */
export async function cancelImport(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const job = await loadOwnJob(ctx.db, actor, id);
  if (!waiting(job)) throw unprocessable(NOT_WAITING);
  const { files = [] } = job.result ? (JSON.parse(job.result) as ImportResult) : {};
  await ctx.db.transaction(async (tx) => {
    await claim(tx, id, {
      status: 'cancelled',
      pending: null,
      message: '已取消导入',
      finishedAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'cadre.import_cancel',
      objectType: 'import_job',
      objectId: id,
      detail: { kind: 'lrmx', files: files.map((f) => f.name).slice(0, 500) },
    });
  });
  return toJobOut(await loadOwnJob(ctx.db, actor, id));
}
