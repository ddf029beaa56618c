import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope, registerRecordType, requireAccess } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { conflict, notFound, outOfScope } from '../../platform/http/errors.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { dynamicRounds } from './schema.js';

registerRecordType('dynamic_round', async (db, ids) => {
  const rows = await db
    .select({ id: dynamicRounds.id, orgId: dynamicRounds.orgId })
    .from(dynamicRounds)
    .where(inArray(dynamicRounds.id, ids.map(Number)));
  return rows.map((r) => ({ id: String(r.id), orgId: r.orgId, subjectCadreIds: [] }));
});
// the offices' scoring and the review are the organisers'; a unit's self-assessment is its head's
registerTodoRecordType('dynamic_round', 'assessment.read');
registerTodoRecordType('dynamic_round_self', 'assessment.self_score');

export type DynamicRoundRow = typeof dynamicRounds.$inferSelect;

/**
 * A round and the units of it the caller may see: every unit for an organiser of the round's org,
 * only the units in their scope for a unit head (who self-assesses), nothing otherwise (404).
 */
export async function loadDynamicRound(db: Queryable, actor: Actor, id: number, version?: number) {
  const [row] = await db.select().from(dynamicRounds).where(eq(dynamicRounds.id, id));
  let units: number[];
  const organiser = actor.permissions.has('assessment.read') || actor.permissions.has('assessment.manage');
  if (organiser) {
    await requireAccess(db, actor, 'dynamic_round', [id]);
    if (!row) throw notFound('动态考核不存在');
    units = row.subjectOrgIds;
  } else {
    if (!row) throw notFound('动态考核不存在');
    units = [];
    for (const u of row.subjectOrgIds) if (await orgInScope(db, actor, u)) units.push(u);
    if (!units.length) throw outOfScope();
  }
  if (version !== undefined && row.version !== version) throw conflict();
  return { round: row, units, organiser };
}
