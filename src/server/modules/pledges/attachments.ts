import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { downloadHeaders } from '../../platform/files/disposition.js';
import { readStoredFile, storeFile } from '../../platform/files/store.js';
import { notFound } from '../../platform/http/errors.js';
import { SUPERVISION_UPLOADS } from '../admonitions/attachments.js';
import { loadOwnPledge, loadPledge } from './access.js';
import { pledgeAttachments, pledgeProgress } from './schema.js';

/**
 * 佐证材料 as a file on a progress entry (type checked by content, the supervision uploads' kinds
 * and size), by whoever may enter the pledge's progress: an officer managing pledges or the cadre
 * themself. Audited.
 */
export async function uploadEvidence(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  entryId: number;
  bytes: Uint8Array;
  name: string;
  /** The cadre's route (我的任期承诺), else the officers'. */
  own?: boolean;
}) {
  const { ctx, actor } = opts;
  const p = opts.own ? await loadOwnPledge(ctx.db, actor, opts.id) : await loadPledge(ctx.db, actor, opts.id);
  const [entry] = await ctx.db
    .select({ id: pledgeProgress.id })
    .from(pledgeProgress)
    .where(and(eq(pledgeProgress.id, opts.entryId), eq(pledgeProgress.pledgeId, p.id)));
  if (!entry) throw notFound('践诺进度不存在');
  const file = await storeFile(ctx, opts.bytes, opts.name, SUPERVISION_UPLOADS);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pledgeAttachments)
      .values({
        pledgeId: p.id,
        entryId: entry.id,
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
        storageKey: file.storageKey,
        uploadedBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'pledge.attachment_upload',
      objectType: 'pledge',
      objectId: p.id,
      detail: { entryId: entry.id, attachmentId: row.id, fileName: file.fileName, size: file.size },
    });
    return { id: row.id, entryId: row.entryId, fileName: row.fileName, size: row.size };
  });
}

/** A file of evidence, for whoever may see the pledge; audited. */
export async function downloadEvidence(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  attachmentId: number;
}) {
  const { ctx, actor } = opts;
  const p = await loadPledge(ctx.db, actor, opts.id, { own: true });
  const [row] = await ctx.db
    .select()
    .from(pledgeAttachments)
    .where(and(eq(pledgeAttachments.id, opts.attachmentId), eq(pledgeAttachments.pledgeId, p.id)));
  if (!row) throw notFound('附件不存在');
  const bytes = await readStoredFile(ctx, row.storageKey);
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'pledge.attachment_download',
    objectType: 'pledge',
    objectId: p.id,
    detail: { attachmentId: row.id },
  });
  return { bytes, headers: downloadHeaders(row.fileName, row.contentType) };
}
