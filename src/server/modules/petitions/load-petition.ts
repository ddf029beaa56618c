import { and, eq, inArray, notExists, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope, recusedCadreIds, scopeFilter } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { notFound, outOfScope } from '../../platform/http/errors.js';
import { recusals } from '../../platform/users/schema.js';
import { petitionSubjects, petitions } from './schema.js';

/**
 * Who sees a petition: holders of petition.read within whose scope its org lies, and holders of
 * petition.assigned for cases handed to a unit in their scope — never the cadres it names, nor
 * users registered as related to them (recusal).
 */
export function petitionVisibility(actor: Actor): SQL {
  const byOrg = actor.permissions.has('petition.read')
    ? (scopeFilter(actor, petitions.orgId) ?? sql`true`)
    : sql`false`;
  const byUnit = actor.permissions.has('petition.assigned')
    ? (scopeFilter(actor, petitions.assignedUnitOrgId) ?? sql`${petitions.assignedUnitOrgId} is not null`)
    : sql`false`;
  const recused = notExists(
    sql`(select 1 from ${petitionSubjects} where ${petitionSubjects.petitionId} = ${petitions.id} and (${
      actor.cadreId === null ? sql`false` : sql`${petitionSubjects.cadreId} = ${actor.cadreId}`
    } or ${petitionSubjects.cadreId} in (select ${recusals.cadreId} from ${recusals} where ${recusals.userId} = ${actor.userId})))`,
  );
  return and(or(byOrg, byUnit), recused)!;
}

/** Loads a petition the caller may see; otherwise 404 (audited as a denial when it exists). */
export async function loadPetition(db: Queryable, actor: Actor, id: number) {
  const [row] = await db.select().from(petitions).where(eq(petitions.id, id));
  if (!row) throw notFound('信访件不存在');
  const byOrg = actor.permissions.has('petition.read') && (await orgInScope(db, actor, row.orgId));
  const byUnit =
    actor.permissions.has('petition.assigned') &&
    row.assignedUnitOrgId !== null &&
    (await orgInScope(db, actor, row.assignedUnitOrgId));
  if (!byOrg && !byUnit) throw outOfScope();
  const recused = await recusedCadreIds(db, actor);
  if (recused.size) {
    const named = await db
      .select({ cadreId: petitionSubjects.cadreId })
      .from(petitionSubjects)
      .where(and(eq(petitionSubjects.petitionId, id), inArray(petitionSubjects.cadreId, [...recused])));
    if (named.length) throw outOfScope();
  }
  return row;
}
