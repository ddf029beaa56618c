import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { registerRecordType, requireAccess } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { notFound } from '../../platform/http/errors.js';
import { cadres } from './schema.js';

// A cadre record is about that cadre: their own account and related users are recused from it.
registerRecordType('cadre', async (db, ids) => {
  const rows = await db
    .select({ id: cadres.id, orgId: cadres.orgId })
    .from(cadres)
    .where(and(inArray(cadres.id, ids.map(Number)), isNull(cadres.deletedAt)));
  return rows.map((r) => ({ id: String(r.id), orgId: r.orgId, subjectCadreIds: [r.id] }));
});

/** Loads a cadre the caller may see: in scope and not recused; otherwise 404 (audited as a denial). */
export async function loadCadre(db: Queryable, actor: Actor, id: number) {
  await requireAccess(db, actor, 'cadre', [id]);
  const [row] = await db
    .select()
    .from(cadres)
    .where(and(eq(cadres.id, id), isNull(cadres.deletedAt)));
  if (!row) throw notFound('干部不存在');
  return row;
}
