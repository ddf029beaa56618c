import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/client.js';
import { outOfScope } from '../../platform/http/errors.js';
import type { Inquiry } from './access.js';
import { inquiries } from './schema.js';

/**
 * An inquiry addressed to the caller's own cadre: the only way a cadre reaches one. Another
 * cadre's inquiry (or a caller with no cadre) is a 404, audited as a denial.
 */
export async function loadOwnInquiry(
  db: Queryable,
  actor: Actor,
  id: number,
  lock = false,
): Promise<Inquiry> {
  if (actor.cadreId === null) throw outOfScope();
  const q = db
    .select()
    .from(inquiries)
    .where(and(eq(inquiries.id, id), eq(inquiries.cadreId, actor.cadreId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw outOfScope();
  return row;
}
