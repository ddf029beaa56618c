import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { sendFileRow, storedFileColumns } from '../../platform/files/file-rows.js';
import { MB, storeFile, type UploadPolicy } from '../../platform/files/store.js';
import { unprocessable } from '../../platform/http/errors.js';
import { loadAdmonition, loadInquiry } from './access.js';
import { loadOwnInquiry } from './own-inquiry.js';
import { supervisionAttachments } from './schema.js';

export const SUPERVISION_UPLOADS: UploadPolicy = {
  kinds: ['pdf', 'jpeg', 'png', 'docx', 'xlsx'],
  maxBytes: 20 * MB,
  maxFiles: 1,
};

export type AttachmentOwner =
  | { type: 'admonition'; id: number }
  | { type: 'inquiry'; id: number }
  /** The cadre's own inquiry, while it awaits the reply. */
  | { type: 'own_inquiry'; id: number };

async function check(ctx: AppContext, actor: Actor, owner: AttachmentOwner, forUpload: boolean) {
  if (owner.type === 'admonition') {
    const a = await loadAdmonition(ctx.db, actor, owner.id);
    return {
      recordType: 'admonition',
      code: a.code,
      purpose: a.status === 'pending_talk' ? 'talk' : 'report',
    };
  }
  const i =
    owner.type === 'inquiry'
      ? await loadInquiry(ctx.db, actor, owner.id)
      : await loadOwnInquiry(ctx.db, actor, owner.id);
  if (forUpload && owner.type === 'own_inquiry' && i.status !== 'sent')
    throw unprocessable('函询已回复或已了结，不能再上传材料');
  return { recordType: 'inquiry', code: i.code, purpose: owner.type === 'own_inquiry' ? 'reply' : 'other' };
}

/** Keeps an uploaded file (type checked by content) on the record; audited. */
export async function uploadSupervisionFile(opts: {
  ctx: AppContext;
  actor: Actor;
  owner: AttachmentOwner;
  bytes: Uint8Array;
  name: string;
}) {
  const { ctx, actor, owner } = opts;
  const rec = await check(ctx, actor, owner, true);
  const file = await storeFile(ctx, opts.bytes, opts.name, SUPERVISION_UPLOADS);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(supervisionAttachments)
      .values({
        recordType: rec.recordType,
        recordId: owner.id,
        purpose: rec.purpose,
        ...storedFileColumns(file),
        uploadedBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, ctx.clock, actor, {
      action: `${rec.recordType}.attachment_upload`,
      objectType: rec.recordType,
      objectId: owner.id,
      detail: { code: rec.code, attachmentId: row.id, fileName: file.fileName, size: file.size },
    });
    return {
      id: row.id,
      purpose: row.purpose,
      fileName: row.fileName,
      size: row.size,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

export async function downloadSupervisionFile(opts: {
  ctx: AppContext;
  actor: Actor;
  owner: AttachmentOwner;
  attachmentId: number;
}) {
  const { ctx, actor, owner } = opts;
  const rec = await check(ctx, actor, owner, false);
  const [row] = await ctx.db
    .select()
    .from(supervisionAttachments)
    .where(
      and(
        eq(supervisionAttachments.id, opts.attachmentId),
        eq(supervisionAttachments.recordType, rec.recordType),
        eq(supervisionAttachments.recordId, owner.id),
      ),
    );
  return sendFileRow(
    ctx,
    actor,
    row,
    {
      action: `${rec.recordType}.attachment_download`,
      objectType: rec.recordType,
      objectId: owner.id,
      idKey: 'attachmentId',
      detail: { code: rec.code },
    },
    '附件不存在',
  );
}
