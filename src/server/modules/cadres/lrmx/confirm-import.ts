import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { badRequest, unprocessable } from '../../../platform/http/errors.js';
import type { ImportJob } from '../../../platform/imports/jobs.js';
import { importJobs } from '../../../platform/imports/schema.js';
import { loadOrg } from '../../../platform/orgs/load-org.js';
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

/** The files the user ticked: at least one, each a file of the import that can be imported. */
function chosenFiles(names: string[] | undefined, importable: string[]): Set<string> {
  const pick = '请选择要导入的文件';
  if (!names?.length) throw badRequest(pick, { files: pick });
  const unknown = names.find((n) => !importable.includes(n));
  if (unknown !== undefined) {
    const message = `“${unknown.slice(0, 100)}”不是本次导入中可以导入的文件`;
    throw badRequest(message, { files: message });
  }
  return new Set(names);
}

/**
 * The user confirms the files they ticked: those are imported in one transaction, with the
 * tenures of their 简历; the others (and refused ones) are not.
 */
export async function confirmImport(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  files: string[] | undefined;
}) {
  const { ctx, actor, id } = opts;
  const job = await loadOwnJob(ctx.db, actor, id);
  if (!waiting(job) || !job.pending || !job.result) throw unprocessable(NOT_WAITING);
  const pending = unpackPending(ctx.crypto, job.pending);
  const chosen = chosenFiles(
    opts.files,
    pending.records.map((r) => r.file),
  );
  await loadOrg(ctx.db, actor, pending.orgId);
  const { files } = JSON.parse(job.result) as ImportResult;
  await ctx.db.transaction(async (tx) => {
    await claim(tx, id, { status: 'running' });
    const pairs = pending.records
      .filter((record) => chosen.has(record.file))
      .map((record) => ({
        record,
        report: files.find((f) => f.name === record.file && f.status !== 'refused')!,
      }));
    for (const f of files) if (f.status !== 'refused' && !chosen.has(f.name)) f.skipped = true;
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
