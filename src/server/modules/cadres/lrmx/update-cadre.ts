import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import type { CadreFields } from '../contract.js';
import { cadres } from '../schema.js';
import { cadreColumns } from '../write-cadre.js';
import type { LrmxFields, Photo } from './parse.js';

/** An existing cadre takes the boxes the file fills; what the file leaves empty stays as recorded. */
export async function updateFromFile(
  tx: Queryable,
  ctx: AppContext,
  cadreId: number,
  file: LrmxFields,
): Promise<void> {
  const { family: _family, photo, ...fields } = file;
  const [existing] = await tx.select().from(cadres).where(eq(cadres.id, cadreId));
  const all = cadreColumns(ctx, {
    ...fields,
    orgId: existing.orgId,
    name: fields.name ?? existing.name,
    status: existing.status as CadreFields['status'],
  }) as Record<string, unknown>;
  const set: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) if (key !== 'idNumber') set[key] = all[key];
  if (fields.name)
    Object.assign(set, {
      namePinyin: all.namePinyin,
      nameInitials: all.nameInitials,
      nameTokens: all.nameTokens,
    });
  if (fields.idNumber)
    for (const key of ['idNumberEnc', 'idNumberDigest', 'idNumberMasked']) set[key] = all[key];
  if (photo) Object.assign(set, { photo: Buffer.from(photo.bytes), photoType: photo.type });
  await tx
    .update(cadres)
    .set({ ...set, version: sql`${cadres.version} + 1`, updatedAt: ctx.clock.now() })
    .where(eq(cadres.id, cadreId));
}

export async function setPhoto(tx: Queryable, cadreId: number, photo: Photo): Promise<void> {
  await tx
    .update(cadres)
    .set({ photo: Buffer.from(photo.bytes), photoType: photo.type })
    .where(eq(cadres.id, cadreId));
}
