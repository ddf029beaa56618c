import { and, eq, inArray, notExists, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope, recusedCadreIds, recusedCadresSql, scopeFilter } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { notFound, outOfScope } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { petitionSubjects, petitions } from './schema.js';

/**
 * Who sees a petition: holders of petition.read within whose scope its org lies, and holders of
 * petition.assigned for cases handed to a unit in their scope — never the cadres it names, nor
 * users registered as related to them (recusal). Only the ways the caller has are written out, and
 * the recused cadres are one IN list: an `OR` around a subquery (even `… or false`) keeps the
 * planner from turning it into a join and costs a scan of the whole table.
 */
export function petitionVisibility(actor: Actor, opts: { wideSearch?: boolean } = {}): SQL {
  const ways: SQL[] = [];
  const byOrg =
    opts.wideSearch && actor.dataScope === 'subtree'
      ? // an expression, not the column: a district's hundreds of orgs filter the matches of one
        // search-index scan instead of driving one scan of the (org, tokens) index per org
        sql`(${petitions.orgId} + 0) in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${actor.orgPath}%`})`
      : scopeFilter(actor, petitions.orgId);
  // a case raised by recusal to an org a reader holds alone ('org' scope) is theirs too; wider
  // scopes that hold the org above hold the case's own org already
  const raised = actor.dataScope === 'org' ? eq(petitions.recusalOrgId, actor.orgId) : undefined;
  if (actor.permissions.has('petition.read'))
    ways.push(byOrg ? (raised ? or(byOrg, raised)! : byOrg) : sql`true`);
  if (actor.permissions.has('petition.assigned'))
    ways.push(
      scopeFilter(actor, petitions.assignedUnitOrgId) ?? sql`${petitions.assignedUnitOrgId} is not null`,
    );
  const reach = ways.length === 0 ? sql`false` : ways.length === 1 ? ways[0] : or(...ways)!;
  return and(reach, petitionRecusal(actor))!;
}

/**
 * Recusal alone: not a petition naming the caller or a cadre they are related to. With the related
 * cadres read along with the session, a caller related to nobody (most) gets no condition at all,
 * so a count can be answered from an index without visiting each petition.
 */
export function petitionRecusal(actor: Actor): SQL | undefined {
  const recused = recusedCadresSql(actor);
  return recused
    ? notExists(
        sql`(select 1 from ${petitionSubjects} where ${petitionSubjects.petitionId} = ${petitions.id} and ${petitionSubjects.cadreId} in (${recused}))`,
      )
    : undefined;
}

/** Is the petition's org — or the org recusal raised it to — within the caller's scope? */
export async function petitionOrgInScope(
  db: Queryable,
  actor: Actor,
  p: { orgId: number; recusalOrgId: number | null },
): Promise<boolean> {
  if (await orgInScope(db, actor, p.orgId)) return true;
  return p.recusalOrgId !== null && (await orgInScope(db, actor, p.recusalOrgId));
}

/** Loads a petition the caller may see; otherwise 404 (audited as a denial when it exists). */
export async function loadPetition(db: Queryable, actor: Actor, id: number) {
  const [row] = await db.select().from(petitions).where(eq(petitions.id, id));
  if (!row) throw notFound('信访件不存在');
  const byOrg = actor.permissions.has('petition.read') && (await petitionOrgInScope(db, actor, row));
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
