import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { conflict, unprocessable } from '../../../platform/http/errors.js';
import { type ImportJob, openPending } from '../../../platform/imports/jobs.js';
import { importJobs } from '../../../platform/imports/schema.js';
import { matchByIdNumber } from '../lrmx/match.js';
import { showLabels } from './lookups.js';
import { type ExcelPending, importLock, insertCreates } from './run-import.js';
import { applyUpdate, planUpdates } from './update-plan.js';

const NOT_WAITING = '该导入不在等待确认状态';
const MOVED =
  '核对之后表中部分干部的信息已被他人修改（或已不在您的管理范围内），未导入任何数据，请重新上传以查看最新的变更';

/** Takes the job out of 'awaiting_confirmation' inside the transaction, so a double click imports once. */
async function claim(tx: Queryable, id: number, set: Partial<typeof importJobs.$inferInsert>) {
  const [row] = await tx
    .update(importJobs)
    .set(set)
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'awaiting_confirmation')))
    .returning({ id: importJobs.id });
  if (!row) throw unprocessable(NOT_WAITING);
}

/**
 * The user confirms the preview of a roster import: all of it in one transaction — new cadres with
 * their posts, and each update exactly as previewed. If a cadre changed since the preview (its
 * version or its open posts), or is no longer the caller's to change, nothing is imported.
 * Each updated cadre is audited with the fields that changed, and the import as a whole.
 */
export async function confirmExcelImport(opts: { ctx: AppContext; actor: Actor; job: ImportJob }) {
  const { ctx, actor, job } = opts;
  if (job.status !== 'awaiting_confirmation' || !job.pending) throw unprocessable(NOT_WAITING);
  const p = openPending<ExcelPending>(ctx.crypto, job.pending);
  const meta = {
    file: p.fileName,
    rows: p.rows,
    jobId: job.id,
    mode: p.mode,
    ignoredColumns: p.ignoredColumns,
  };
  const result = await ctx.db.transaction(async (tx) => {
    await claim(tx, job.id, { status: 'running' });
    await importLock(tx);
    const matches = await matchByIdNumber(
      tx,
      ctx,
      actor,
      p.updates.map((u) => u.fields.idNumber!),
    );
    for (const u of p.updates) {
      const m = matches.get(u.fields.idNumber!);
      if (!m || m === 'forbidden' || m.cadreId !== u.cadreId) throw conflict(MOVED);
    }
    const { plans, bad } = await planUpdates(tx, p.updates, await showLabels(tx, actor));
    if (bad.size || plans.some((pl) => p.fingerprints[pl.cadreId] !== pl.fingerprint)) throw conflict(MOVED);
    const created = await insertCreates(ctx, tx, p.creates);
    const now = ctx.clock.now();
    let updated = 0;
    for (const plan of plans) {
      if (!plan.changes.length) continue;
      await applyUpdate(tx, plan, now);
      updated++;
      await recordAudit(tx, ctx.clock, actor, {
        action: 'cadre.update',
        objectType: 'cadre',
        objectId: plan.cadreId,
        detail: {
          name: plan.name,
          via: 'excel_import',
          jobId: job.id,
          changed: plan.changes.map((c) => c.column),
        },
      });
    }
    const out = {
      imported: created.created + updated,
      created: created.created,
      updated,
      unchanged: plans.length - updated,
      tenures: created.tenures + plans.filter((pl) => pl.newTenure).length,
    };
    await recordAudit(tx, ctx.clock, actor, {
      action: 'cadre.import',
      objectType: 'cadre',
      detail: { ...meta, ...out },
    });
    await tx
      .update(importJobs)
      .set({
        status: 'succeeded',
        message:
          p.mode === 'update'
            ? `已新增 ${out.created} 名、更新 ${out.updated} 名干部`
            : `已导入 ${out.created} 名干部`,
        result: JSON.stringify({ ...JSON.parse(job.result ?? '{}'), ...out }),
        pending: null,
        finishedAt: now,
      })
      .where(eq(importJobs.id, job.id));
    return out;
  });
  return result;
}

/** The user cancels a roster import that waits: nothing is imported. */
export async function cancelExcelImport(opts: { ctx: AppContext; actor: Actor; job: ImportJob }) {
  const { ctx, actor, job } = opts;
  if (job.status !== 'awaiting_confirmation') throw unprocessable(NOT_WAITING);
  await ctx.db.transaction(async (tx) => {
    await claim(tx, job.id, {
      status: 'cancelled',
      pending: null,
      message: '已取消导入',
      finishedAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'cadre.import_cancel',
      objectType: 'import_job',
      objectId: job.id,
      detail: { kind: 'excel' },
    });
  });
}
