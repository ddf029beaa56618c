import { eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/client.js';
import { notFound, outOfScope } from '../http/errors.js';
import { orgs } from '../orgs/schema.js';
import { recusals } from '../users/schema.js';
import type { Actor } from './actor.js';

/**
 * The WHERE condition that limits a query to the caller's data scope. Every list and every load by id
 * goes through it, so scope is enforced in the database, not only in the UI.
 */
export function scopeFilter(
  actor: Actor,
  orgIdColumn: PgColumn,
  ownerUserColumn?: PgColumn,
): SQL | undefined {
  switch (actor.dataScope) {
    case 'all':
      return undefined;
    case 'subtree':
      return inArray(
        orgIdColumn,
        sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${actor.orgPath}%`})`,
      );
    case 'org':
      return eq(orgIdColumn, actor.orgId);
    case 'self':
      return ownerUserColumn ? eq(ownerUserColumn, actor.userId) : sql`false`;
  }
}

/** A reader at the top of the tree with its whole subtree in scope (the district's offices). */
export const readsWholeTree = (actor: Actor): boolean =>
  actor.dataScope === 'subtree' && actor.orgPath.split('/').filter(Boolean).length === 1;

/**
 * `scopeFilter` for a list read in the order of an index not led by the org: for a reader at the top
 * of the tree (the district), whose subtree is nearly every row, the org condition is written as an
 * expression, so the planner reads the list's order index and filters its rows, instead of driving
 * one scan of an (org, …) index per org and sorting them all. Township readers keep the column.
 */
export function scopeFilterForList(actor: Actor, orgIdColumn: PgColumn): SQL | undefined {
  if (!readsWholeTree(actor)) return scopeFilter(actor, orgIdColumn);
  return sql`(${orgIdColumn} + 0) in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${actor.orgPath}%`})`;
}

/**
 * The cadres the caller must not see records of — themself and those registered as related — as
 * the inside of an `IN (…)`: the ids read with the session, or a subquery for an actor made without
 * them (jobs, tests). Null when there are none, so most callers get no recusal condition at all.
 */
export function recusedCadresSql(actor: Actor): SQL | null {
  const own = actor.cadreId === null ? [] : [actor.cadreId];
  if (actor.relatedCadreIds) {
    const ids = [...actor.relatedCadreIds, ...own];
    return ids.length
      ? sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )
      : null;
  }
  return sql`select ${recusals.cadreId} from ${recusals} where ${recusals.userId} = ${actor.userId}${
    own.length ? sql` union all select ${own[0]}::bigint` : sql``
  }`;
}

/** Recusal (回避): rows whose subject cadre is the caller or someone the caller is registered as related to. */
export function recusalFilter(actor: Actor, subjectCadreColumn: PgColumn): SQL | undefined {
  const recused = recusedCadresSql(actor);
  return recused ? or(isNull(subjectCadreColumn), sql`${subjectCadreColumn} not in (${recused})`) : undefined;
}

/** Is the org inside the caller's scope? */
export async function orgInScope(db: Queryable, actor: Actor, orgId: number): Promise<boolean> {
  if (actor.dataScope === 'all') return true;
  if (actor.dataScope === 'org' || actor.dataScope === 'self') return orgId === actor.orgId;
  const [row] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, orgId));
  return !!row && row.path.startsWith(actor.orgPath);
}

/** The cadres the caller must not see records of: themself and those registered as related. */
export async function recusedCadreIds(db: Queryable, actor: Actor): Promise<Set<number>> {
  if (actor.relatedCadreIds)
    return new Set([...actor.relatedCadreIds, ...(actor.cadreId === null ? [] : [actor.cadreId])]);
  const rows = await db
    .select({ cadreId: recusals.cadreId })
    .from(recusals)
    .where(eq(recusals.userId, actor.userId));
  const ids = new Set(rows.map((r) => r.cadreId));
  if (actor.cadreId !== null) ids.add(actor.cadreId);
  return ids;
}

/** What a module tells the access layer about its records: where each sits and whom it is about. */
export interface AccessFacts {
  id: string | number;
  orgId: number;
  ownerUserId?: number | null;
  subjectCadreIds?: number[];
}

export type FactsLoader = (db: Queryable, ids: (string | number)[]) => Promise<AccessFacts[]>;
const loaders = new Map<string, FactsLoader>();

/** Each module plugs its record type in once: how to find a record's org, owner and subject cadres. */
export function registerRecordType(recordType: string, loader: FactsLoader): void {
  loaders.set(recordType, loader);
}

/**
 * Bulk check, for use cases: every id must exist, lie within the caller's scope and not be recused.
 * Anything else is a 404 that does not reveal whether the record exists, and is audited as a denial.
 */
export async function requireAccess(
  db: Queryable,
  actor: Actor,
  recordType: string,
  ids: (string | number)[],
): Promise<AccessFacts[]> {
  const loader = loaders.get(recordType);
  if (!loader) throw new Error(`record type ${recordType} is not registered for access checks`);
  const unique = [...new Set(ids.map(String))];
  const facts = await loader(db, unique);
  if (facts.length !== unique.length) throw notFound();
  const recused = await recusedCadreIds(db, actor);
  for (const f of facts) {
    const owner =
      actor.dataScope === 'self' ? f.ownerUserId === actor.userId : await orgInScope(db, actor, f.orgId);
    if (!owner) throw outOfScope();
    if (f.subjectCadreIds?.some((c) => recused.has(c))) throw outOfScope();
  }
  return facts;
}
