import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { badRequest } from '../../../platform/http/errors.js';
import { loadOrg } from '../../../platform/orgs/load-org.js';
import { type JobHandle, startImportJob } from '../import-jobs.js';
import { writeRecords } from './apply.js';
import { completeImport, toJobOut } from './job.js';
import { LrmxRefused, parseLrmx } from './parse.js';
import { packPending } from './pending.js';
import { planImport } from './plan.js';
import { summarize } from './report.js';
import { filesOfUpload, isZip, type UploadedFile } from './upload.js';

/**
 * Starts the import of one .lrmx or a zip of many into an org of the caller's scope. The job
 * reads every file; when all are complete it imports them at once, otherwise it waits for the
 * user to confirm the good ones (see confirm-import.ts).
 */
export async function importLrmx(opts: {
  ctx: AppContext;
  actor: Actor;
  orgId: number;
  fileName: string;
  bytes: Uint8Array;
}) {
  const { ctx, actor } = opts;
  const org = await loadOrg(ctx.db, actor, opts.orgId);
  const files = filesOfUpload(opts.fileName, opts.bytes);
  if (!isZip(opts.bytes)) {
    try {
      parseLrmx(files[0].bytes); // a single unreadable file is refused at once, not as a job
    } catch (e) {
      if (e instanceof LrmxRefused) throw badRequest(e.message);
      throw e;
    }
  }
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'cadre.lrmx_upload',
    objectType: 'org',
    objectId: org.id,
    detail: {
      file: files.length === 1 ? files[0].name : opts.fileName,
      files: files.length,
      bytes: opts.bytes.length,
    },
  });
  const job = await startImportJob(ctx, actor, 'cadres_lrmx', (h) => runImport(ctx, actor, org.id, files, h));
  return toJobOut(job);
}

async function runImport(ctx: AppContext, actor: Actor, orgId: number, files: UploadedFile[], h: JobHandle) {
  const { reports, decided } = await planImport(ctx, actor, files, h);
  if (!decided.length) {
    const only = files.length === 1 ? reports[0].message : undefined;
    await h.finish('failed', {
      message: only ?? '没有可导入的任免审批表：所有文件都无法识别',
      result: summarize(reports),
    });
    return;
  }
  if (reports.every((r) => r.status === 'created' || r.status === 'updated')) {
    await ctx.db.transaction(async (tx) => {
      await writeRecords(tx, ctx, actor, orgId, decided);
      await completeImport(tx, ctx, actor, { id: h.id, orgId }, reports);
    });
    return;
  }
  const result = summarize(reports);
  const parts = [
    result.refused ? `${result.refused} 个文件无法导入` : '',
    result.incomplete ? `${result.incomplete} 个文件不完整` : '',
  ].filter(Boolean);
  await h.finish('awaiting_confirmation', {
    message: `${parts.join('，')}，请确认是否导入其余 ${decided.length} 个文件`,
    result,
    pending: packPending({ orgId, records: decided.map((d) => d.record) }),
  });
}
