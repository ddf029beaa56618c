import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/client.js';
import { outOfScope } from '../../platform/http/errors.js';
import type { Admonition } from './access.js';
import { admonitions } from './schema.js';

/**
 * An admonition of the caller's own cadre (an 诫勉, talked: a reminder talk or one not yet held is
 * not theirs to see here): the only way a cadre reaches one. Anyone else's is a 404.
 */
export async function loadOwnAdmonition(
  db: Queryable,
  actor: Actor,
  id: number,
  lock = false,
): Promise<Admonition> {
  if (actor.cadreId === null) throw outOfScope();
  const q = db
    .select()
    .from(admonitions)
    .where(
      and(eq(admonitions.id, id), eq(admonitions.cadreId, actor.cadreId), eq(admonitions.kind, 'admonition')),
    );
  const [row] = lock ? await q.for('update') : await q;
  if (!row || row.status === 'pending_talk') throw outOfScope();
  return row;
}
