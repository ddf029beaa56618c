import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { recusalArrayFilter } from '../../platform/access/recusal.js';
import { orgInScope, registerRecordType, requireAccess, scopeFilter } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { evaluations, unitEvaluationRounds } from './schema.js';

// A democratic evaluation is about its subject cadres (recusal); a unit round about no one cadre.
registerRecordType('evaluation', async (db, ids) => {
  const rows = await db
    .select({ id: evaluations.id, orgId: evaluations.orgId, subjects: evaluations.subjectCadreIds })
    .from(evaluations)
    .where(inArray(evaluations.id, ids.map(Number)));
  return rows.map((r) => ({ id: String(r.id), orgId: r.orgId, subjectCadreIds: r.subjects }));
});
registerRecordType('unit_round', async (db, ids) => {
  const rows = await db
    .select({ id: unitEvaluationRounds.id, orgId: unitEvaluationRounds.orgId })
    .from(unitEvaluationRounds)
    .where(inArray(unitEvaluationRounds.id, ids.map(Number)));
  return rows.map((r) => ({ id: String(r.id), orgId: r.orgId, subjectCadreIds: [] }));
});

export const evaluationVisibility = (actor: Actor) =>
  and(scopeFilter(actor, evaluations.orgId), recusalArrayFilter(actor, evaluations.subjectCadreIds));

export type EvaluationRow = typeof evaluations.$inferSelect;

export async function loadEvaluation(db: Queryable, actor: Actor, id: number, version?: number) {
  await requireAccess(db, actor, 'evaluation', [id]);
  const [row] = await db.select().from(evaluations).where(eq(evaluations.id, id));
  if (!row) throw notFound('民主测评不存在');
  if (version !== undefined && row.version !== version) throw conflict();
  return row;
}

export async function loadRound(db: Queryable, actor: Actor, id: number) {
  await requireAccess(db, actor, 'unit_round', [id]);
  const [row] = await db.select().from(unitEvaluationRounds).where(eq(unitEvaluationRounds.id, id));
  if (!row) throw notFound('考评不存在');
  return row;
}

/** An org the caller may act for, or a 400 naming the field. */
export async function requireOrg(db: Queryable, actor: Actor, orgId: number, field = 'orgId') {
  const [org] = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, orgId), isNull(orgs.deletedAt)));
  if (!org || !(await orgInScope(db, actor, orgId)))
    throw badRequest('单位不存在或不在您的管理范围内', { [field]: '单位不存在或不在您的管理范围内' });
  return org;
}

/** The township a cadre's org belongs to (the org itself when it is a township or above). */
export async function townshipOf(db: Queryable, orgId: number) {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, orgId));
  const ids = org.path.split('/').filter(Boolean).map(Number);
  const [town] = await db
    .select()
    .from(orgs)
    .where(and(inArray(orgs.id, ids.length ? ids : [orgId]), eq(orgs.kind, 'township')));
  return town ?? org;
}
