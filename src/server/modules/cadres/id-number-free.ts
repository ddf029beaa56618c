import { and, eq, isNull, ne } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { conflict } from '../../platform/http/errors.js';
import { cadres } from './schema.js';

/** One person, one record: an ID number already registered to another live cadre is a 409. */
export async function assertIdNumberFree(
  db: Queryable,
  ctx: Pick<AppContext, 'crypto'>,
  idNumber: string | null | undefined,
  exceptId?: number,
): Promise<void> {
  if (!idNumber) return;
  const [taken] = await db
    .select({ id: cadres.id })
    .from(cadres)
    .where(
      and(
        eq(cadres.idNumberDigest, ctx.crypto.digest(idNumber)),
        isNull(cadres.deletedAt),
        exceptId ? ne(cadres.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw conflict('该身份证号码已登记');
}
