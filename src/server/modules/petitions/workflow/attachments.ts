import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { sendFileRow, storedFileColumns } from '../../../platform/files/file-rows.js';
import { MB, storeFile, type UploadPolicy } from '../../../platform/files/store.js';
import { loadPetition } from '../load-petition.js';
import { petitionAttachments } from '../schema.js';
import { mayUpload, reachOf, requireMay } from './may.js';

/** What officers attach: scanned letters, photos, documents, sheets and recordings of calls. */
export const OFFICER_UPLOADS: UploadPolicy = {
  kinds: ['pdf', 'jpeg', 'png', 'docx', 'xlsx', 'mp3', 'm4a'],
  maxBytes: 20 * MB,
  maxFiles: 1,
};

/** Keeps an uploaded file (type checked by content) and lists it on the petition. */
export async function uploadAttachment(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  bytes: Uint8Array;
  name: string;
}) {
  const { ctx, actor, id } = opts;
  const p = await loadPetition(ctx.db, actor, id);
  requireMay(mayUpload(actor, await reachOf(ctx.db, actor, p)));
  const file = await storeFile(ctx, opts.bytes, opts.name, OFFICER_UPLOADS);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(petitionAttachments)
      .values({
        petitionId: id,
        ...storedFileColumns(file),
        uploadedBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'petition.attachment_upload',
      objectType: 'petition',
      objectId: id,
      detail: { code: p.code, attachmentId: row.id, fileName: file.fileName, size: file.size },
    });
    return {
      id: row.id,
      fileName: row.fileName,
      contentType: row.contentType,
      size: row.size,
      fromPublic: row.fromPublic,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

/** An attachment of a petition the caller may see, as a download (never rendered inline); audited. */
export async function downloadAttachment(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  attachmentId: number;
}) {
  const { ctx, actor, id, attachmentId } = opts;
  const p = await loadPetition(ctx.db, actor, id);
  const [a] = await ctx.db
    .select()
    .from(petitionAttachments)
    .where(and(eq(petitionAttachments.id, attachmentId), eq(petitionAttachments.petitionId, id)));
  return sendFileRow(
    ctx,
    actor,
    a,
    {
      action: 'petition.attachment_download',
      objectType: 'petition',
      objectId: id,
      idKey: 'attachmentId',
      detail: { code: p.code },
    },
    '附件不存在',
  );
}
