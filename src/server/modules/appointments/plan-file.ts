import { and, asc, eq } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { sendFileRow, storedFileColumns } from '../../platform/files/file-rows.js';
import { storeFile } from '../../platform/files/store.js';
import { unprocessable } from '../../platform/http/errors.js';
import { SUPERVISION_UPLOADS } from '../admonitions/attachments.js';
import { loadCase } from './access.js';
import { appointmentPlanFiles as pf } from './schema.js';

/** The 工作方案's files of a case, in upload order. */
export const planFilesOf = (db: Queryable, caseId: number) =>
  db
    .select({ id: pf.id, fileName: pf.fileName, uploadedOn: pf.uploadedOn })
    .from(pf)
    .where(eq(pf.caseId, caseId))
    .orderBy(asc(pf.id));

/**
 * The 工作方案 as a file (PDF, Word, a scan), by whoever manages the case, while the case is open (not
 * yet 任职, not 撤销). Type checked by content. Audited without the file's name.
 */
export async function uploadPlanFile(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  bytes: Uint8Array;
  name: string;
}) {
  const { ctx, actor } = opts;
  const c = await loadCase(ctx.db, actor, opts.id);
  if (c.step === 'appointed' || c.step === 'stopped') {
    const m =
      c.step === 'stopped' ? '该事项已撤销，不能再上传工作方案' : '该事项已任职办结，不能再上传工作方案';
    throw unprocessable(m, { file: m });
  }
  const file = await storeFile(ctx, opts.bytes, opts.name, SUPERVISION_UPLOADS);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pf)
      .values({
        caseId: c.id,
        ...storedFileColumns(file),
        uploadedOn: chinaDate(ctx.clock.now()),
        uploadedBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'appointment.plan_upload',
      objectType: 'appointment',
      objectId: c.id,
      detail: { fileId: row.id, size: file.size },
    });
    return { id: row.id, fileName: row.fileName, uploadedOn: row.uploadedOn };
  });
}

/** A file of the 工作方案, for whoever may read the case; audited. */
export async function downloadPlanFile(opts: { ctx: AppContext; actor: Actor; id: number; fileId: number }) {
  const { ctx, actor } = opts;
  const c = await loadCase(ctx.db, actor, opts.id);
  const [row] = await ctx.db
    .select()
    .from(pf)
    .where(and(eq(pf.id, opts.fileId), eq(pf.caseId, c.id)));
  return sendFileRow(
    ctx,
    actor,
    row,
    { action: 'appointment.plan_download', objectType: 'appointment', objectId: c.id, idKey: 'fileId' },
    '工作方案文件不存在',
  );
}
