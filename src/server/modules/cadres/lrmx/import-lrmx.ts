import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { badRequest } from '../../../platform/http/errors.js';
import { type JobHandle, startImportJob } from '../../../platform/imports/jobs.js';
import { loadOrg } from '../../../platform/orgs/load-org.js';
import { toJobOut } from './job.js';
import { LrmxRefused, parseLrmx } from './parse.js';
import { packPending } from './pending.js';
import { planImport } from './plan.js';
import { confirmationMessage, summarize } from './report.js';
import { filesOfUpload, isZip, type UploadedFile } from './upload.js';

/**
 * Starts the import of one .lrmx or a zip of many into an org of the caller's scope. The job
 * reads every file and waits for the user to confirm the files to import (see confirm-import.ts).
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

/**
 * Reads every file, then waits for the user's decision with the report of each (what it lacks,
 * the 简历 read into rows, the lines that could not be read, 现任职务 matched to the registry):
 * the user ticks the files to import (see confirm-import.ts). A complete form always has a 简历,
 * so every import is confirmed.
 */
async function runImport(ctx: AppContext, actor: Actor, orgId: number, files: UploadedFile[], h: JobHandle) {
  const { reports, decided } = await planImport(ctx, actor, orgId, files, h);
  if (!decided.length) {
    const only = files.length === 1 ? reports[0].message : undefined;
    await h.finish('failed', {
      message: only ?? '没有可导入的任免审批表：所有文件都无法导入',
      result: summarize(reports),
    });
    return;
  }
  await h.finish('awaiting_confirmation', {
    message: confirmationMessage(reports),
    result: summarize(reports),
    pending: packPending(ctx.crypto, { orgId, records: decided.map((d) => d.record) }),
  });
}
