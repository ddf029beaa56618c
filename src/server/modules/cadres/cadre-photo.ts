import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { requireAccess } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import './load-cadre.js';
import { cadres } from './schema.js';

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

/** The image type by its first bytes (the name and the declared type are not trusted). */
export function photoType(bytes: Buffer): 'image/jpeg' | 'image/png' | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

export async function getPhoto(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  await requireAccess(ctx.db, actor, 'cadre', [id]);
  const [row] = await ctx.db
    .select({ photo: cadres.photo, photoType: cadres.photoType })
    .from(cadres)
    .where(and(eq(cadres.id, id), isNull(cadres.deletedAt)));
  if (!row?.photo) throw notFound('该干部没有照片');
  return { bytes: row.photo, type: row.photoType ?? photoType(row.photo) ?? 'application/octet-stream' };
}

/** Replaces the photo: JPEG or PNG by content, at most 2 MB. */
export async function putPhoto(opts: { ctx: AppContext; actor: Actor; id: number; bytes: Buffer }) {
  const { ctx, actor, id, bytes } = opts;
  await requireAccess(ctx.db, actor, 'cadre', [id]);
  if (bytes.length === 0) throw badRequest('请选择照片文件');
  if (bytes.length > PHOTO_MAX_BYTES) throw badRequest('照片不能超过 2 MB');
  const type = photoType(bytes);
  if (!type) throw badRequest('照片只能是 JPG 或 PNG 图片');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(cadres)
      .set({ photo: bytes, photoType: type, updatedAt: ctx.clock.now() })
      .where(eq(cadres.id, id));
    await recordAudit(tx, ctx.clock, actor, {
      action: 'cadre.photo_update',
      objectType: 'cadre',
      objectId: id,
      detail: { bytes: bytes.length, type },
    });
  });
  return { ok: true };
}
