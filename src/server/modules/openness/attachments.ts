import { and, eq } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { downloadHeaders } from '../../platform/files/disposition.js';
import { MB, readStoredFile, storeFile, type UploadPolicy } from '../../platform/files/store.js';
import { forbidden, notFound, unprocessable } from '../../platform/http/errors.js';
import { SUPERVISION_UPLOADS } from '../admonitions/attachments.js';
import { loadDisclosure } from './access.js';
import { disclosureAttachments } from './schema.js';

const PHOTOS: UploadPolicy = { kinds: ['jpeg', 'png'], maxBytes: 20 * MB, maxFiles: 1 };

/**
 * 公开栏照片 (a photo of the physical board, dated by the day it was taken: the evidence that the
 * item was posted) or an attachment, on a disclosure of the caller's scope, by its drafting office.
 * The type is checked by content; a photo must be a JPG/PNG with its date, not in the future. Audited.
 */
export async function uploadDisclosureFile(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  query: { kind: 'photo' | 'file'; takenOn?: string; caption?: string | null };
  bytes: Uint8Array;
  name: string;
}) {
  const { ctx, actor, query } = opts;
  if (!actor.permissions.has('disclosure.draft')) throw forbidden();
  const d = await loadDisclosure(ctx.db, actor, opts.id);
  const photo = query.kind === 'photo';
  if (photo && !query.takenOn) throw unprocessable('请填写拍摄日期', { takenOn: '请填写拍摄日期' });
  if (query.takenOn && query.takenOn > chinaDate(ctx.clock.now()))
    throw unprocessable('拍摄日期不能晚于今天', { takenOn: '拍摄日期不能晚于今天' });
  const file = await storeFile(ctx, opts.bytes, opts.name, photo ? PHOTOS : SUPERVISION_UPLOADS);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(disclosureAttachments)
      .values({
        disclosureId: d.id,
        kind: query.kind,
        takenOn: query.takenOn ?? null,
        caption: query.caption?.trim() || null,
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
      action: 'disclosure.attachment_upload',
      objectType: 'disclosure',
      objectId: d.id,
      detail: { attachmentId: row.id, kind: row.kind, takenOn: row.takenOn, fileName: row.fileName },
    });
    return {
      id: row.id,
      kind: row.kind,
      takenOn: row.takenOn,
      caption: row.caption,
      fileName: row.fileName,
      size: row.size,
      uploadedAt: row.createdAt.toISOString(),
    };
  });
}

/** A photo or file of a disclosure, for whoever may read it; audited. */
export async function downloadDisclosureFile(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  attachmentId: number;
}) {
  const { ctx, actor } = opts;
  const d = await loadDisclosure(ctx.db, actor, opts.id);
  const [row] = await ctx.db
    .select()
    .from(disclosureAttachments)
    .where(
      and(eq(disclosureAttachments.id, opts.attachmentId), eq(disclosureAttachments.disclosureId, d.id)),
    );
  if (!row) throw notFound('附件不存在');
  const bytes = await readStoredFile(ctx, row.storageKey);
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'disclosure.attachment_download',
    objectType: 'disclosure',
    objectId: d.id,
    detail: { attachmentId: row.id },
  });
  return { bytes, headers: downloadHeaders(row.fileName, row.contentType) };
}
