import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { PolicyStatus, QuizQuestion } from '../../../domain/policy-library.js';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { notFound, outOfScope } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { policies, policyVersions } from './schema.js';

/**
 * Which policies a caller sees: those of their own org and of the orgs above it (the district's
 * rules apply in the townships), and — for a caller whose data scope reaches below their org — those
 * of the orgs below. `all` sees every policy.
 */
export function policyVisible(actor: Actor): SQL | undefined {
  if (actor.dataScope === 'all') return undefined;
  const below = actor.dataScope === 'subtree' ? sql` or po.path like ${`${actor.orgPath}%`}` : sql``;
  return sql`exists (select 1 from ${orgs} po where po.id = ${policies.orgId} and (${actor.orgPath} like po.path || '%'${below}))`;
}

export type PolicyRow = typeof policies.$inferSelect;
export type VersionRow = typeof policyVersions.$inferSelect;
export interface Quiz {
  passMark: number;
  questions: QuizQuestion[];
}

/** A policy the caller may see, or 404 (audited as a denial when it exists but lies outside). */
export async function loadVisiblePolicy(db: Queryable, actor: Actor, id: number): Promise<PolicyRow> {
  const [row] = await db.select().from(policies).where(eq(policies.id, id));
  if (!row) throw notFound('制度不存在');
  const [seen] = await db
    .select({ id: policies.id })
    .from(policies)
    .where(and(eq(policies.id, id), policyVisible(actor)));
  if (!seen) throw outOfScope();
  return row;
}

/**
 * A policy the caller may change: visible, and issued by an org inside the caller's data scope (a
 * township officer reads the district's rules but does not revise them). Outside: 404, audited.
 */
export async function loadManagedPolicy(db: Queryable, actor: Actor, id: number): Promise<PolicyRow> {
  const row = await loadVisiblePolicy(db, actor, id);
  if (!(await orgInScope(db, actor, row.orgId))) throw outOfScope();
  return row;
}

export const mayManage = (db: Queryable, actor: Actor, row: PolicyRow) =>
  actor.permissions.has('policy.manage') ? orgInScope(db, actor, row.orgId) : Promise.resolve(false);

export async function versionsOf(db: Queryable, policyId: number): Promise<VersionRow[]> {
  return db
    .select()
    .from(policyVersions)
    .where(eq(policyVersions.policyId, policyId))
    .orderBy(asc(policyVersions.versionNo));
}

export const stateOf = (v: VersionRow) => ({
  versionNo: v.versionNo,
  status: v.status as PolicyStatus,
  adoptedOn: v.adoptedOn,
});
