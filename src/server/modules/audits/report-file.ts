import { and, asc, eq } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { sendFileRow, storedFileColumns } from '../../platform/files/file-rows.js';
import { storeFile } from '../../platform/files/store.js';
import { forbidden, unprocessable } from '../../platform/http/errors.js';
import { SUPERVISION_UPLOADS } from '../admonitions/attachments.js';
import { loadAudit } from './access.js';
import { auditReportFiles as rf } from './schema.js';

/** The report's files of an audit, in upload order. */
export const reportFilesOf = (db: Queryable, auditId: number) =>
  db
    .select({ id: rf.id, fileName: rf.fileName, uploadedOn: rf.uploadedOn })
    .from(rf)
    .where(eq(rf.auditId, auditId))
    .orderBy(asc(rf.id));

/**
 * The audit report (审计报告) as a file, by an auditor of the audit, once the audit is under way (not a
 * draft, not dismissed). Type checked by content. Audited without the file's name.
 */
export async function uploadReportFile(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  bytes: Uint8Array;
  name: string;
}) {
  const { ctx, actor } = opts;
  const a = await loadAudit(ctx.db, actor, opts.id);
  if (!a.auditorUserIds.includes(actor.userId)) throw forbidden('只有本审计项目的审计人员才能上传审计报告');
  if (a.status === 'draft' || a.status === 'dismissed')
    throw unprocessable(a.status === 'draft' ? '请先确认该离任审计' : '该审计项目已不予审计');
  const file = await storeFile(ctx, opts.bytes, opts.name, SUPERVISION_UPLOADS);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rf)
      .values({
        auditId: a.id,
        ...storedFileColumns(file),
        uploadedOn: chinaDate(ctx.clock.now()),
        uploadedBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'econ_audit.report_upload',
      objectType: 'econ_audit',
      objectId: a.id,
      detail: { fileId: row.id, size: file.size },
    });
    return { id: row.id, fileName: row.fileName, uploadedOn: row.uploadedOn };
  });
}

/** A file of the report, for whoever may see the audit; audited. */
export async function downloadReportFile(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  fileId: number;
}) {
  const { ctx, actor } = opts;
  const a = await loadAudit(ctx.db, actor, opts.id);
  const [row] = await ctx.db
    .select()
    .from(rf)
    .where(and(eq(rf.id, opts.fileId), eq(rf.auditId, a.id)));
  return sendFileRow(
    ctx,
    actor,
    row,
    { action: 'econ_audit.report_download', objectType: 'econ_audit', objectId: a.id, idKey: 'fileId' },
    '审计报告文件不存在',
  );
}
