import { and, asc, eq, inArray } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { sendFileRow, storedFileColumns } from '../../platform/files/file-rows.js';
import { storeFile } from '../../platform/files/store.js';
import { badRequest, forbidden } from '../../platform/http/errors.js';
import { SUPERVISION_UPLOADS } from '../admonitions/attachments.js';
import { loadItem } from './access.js';
import { rectificationAttachments as ra } from './schema.js';

/** A file of 证明材料 as the item page and the 审计台帐 name it. */
export interface EvidenceFile {
  id: number;
  fileName: string;
  uploadedOn: string;
}

/** The files of 证明材料 of the items, by item, in upload order. */
export async function evidenceFilesOf(db: Queryable, itemIds: number[]) {
  const by = new Map<number, EvidenceFile[]>();
  if (!itemIds.length) return by;
  // a district's ledger may hold more items than one statement takes parameters
  const rows = [];
  for (let i = 0; i < itemIds.length; i += 10_000)
    rows.push(
      ...(await db
        .select({ id: ra.id, itemId: ra.itemId, fileName: ra.fileName, uploadedOn: ra.uploadedOn })
        .from(ra)
        .where(inArray(ra.itemId, itemIds.slice(i, i + 10_000)))
        .orderBy(asc(ra.itemId), asc(ra.id))),
    );
  for (const r of rows) {
    const list = by.get(r.itemId) ?? [];
    list.push({ id: r.id, fileName: r.fileName, uploadedOn: r.uploadedOn });
    by.set(r.itemId, list);
  }
  return by;
}

/** The 证明材料 column of the 审计台帐: the unit's text, then each file with the day it was attached. */
export const evidenceCell = (text: string | null, files: EvidenceFile[] = []) =>
  [text, ...files.map((f) => `附件：${f.fileName}（${f.uploadedOn}）`)].filter(Boolean).join('\n');

/**
 * 证明材料 as a file on a rectification item, by the rectifying unit only (its head: the same side
 * that applies for 销号), while the item is still the unit's to carry: not once applied for or closed.
 * Type checked by content (the supervision uploads' kinds and size). Audited without the file's name.
 */
export async function uploadItemEvidence(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  bytes: Uint8Array;
  name: string;
}) {
  const { ctx, actor } = opts;
  const item = await loadItem(ctx.db, actor, opts.id);
  if (!actor.permissions.has('rectification.unit') || actor.orgId !== item.unitOrgId)
    throw forbidden('只有整改单位才能上传证明材料');
  if (item.status === 'applied' || item.status === 'closed')
    throw badRequest(
      item.status === 'closed'
        ? '该整改事项已销号，不能再上传证明材料'
        : '该整改事项已申请销号，待认定；退回后可补充证明材料',
    );
  const file = await storeFile(ctx, opts.bytes, opts.name, SUPERVISION_UPLOADS);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ra)
      .values({
        itemId: item.id,
        auditId: item.auditId,
        ...storedFileColumns(file),
        uploadedOn: chinaDate(ctx.clock.now()),
        uploadedBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'rectification.attachment_upload',
      objectType: 'rectification',
      objectId: item.id,
      detail: { attachmentId: row.id, size: file.size },
    });
    return { id: row.id, fileName: row.fileName, uploadedOn: row.uploadedOn };
  });
}

/** A file of 证明材料, for whoever may see the item (the officers in scope, the unit's head); audited. */
export async function downloadItemEvidence(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  attachmentId: number;
}) {
  const { ctx, actor } = opts;
  const item = await loadItem(ctx.db, actor, opts.id);
  const [row] = await ctx.db
    .select()
    .from(ra)
    .where(and(eq(ra.id, opts.attachmentId), eq(ra.itemId, item.id)));
  return sendFileRow(
    ctx,
    actor,
    row,
    {
      action: 'rectification.attachment_download',
      objectType: 'rectification',
      objectId: item.id,
      idKey: 'attachmentId',
    },
    '证明材料不存在',
  );
}
