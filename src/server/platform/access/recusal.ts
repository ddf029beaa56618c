import { and, eq, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { pathIds } from '../../../domain/recusal-routing.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/client.js';
import { orgs } from '../orgs/schema.js';
import { recusals, rolePermissions, roles, userRoles, users } from '../users/schema.js';
import type { Actor } from './actor.js';
import { recusedCadresSql } from './scope.js';

/*
 * Recusal (回避) beyond the records themselves: to-dos, notifications and the people work is
 * addressed to. The rule is the one `recusalFilter`/`requireAccess` apply to records — a user must
 * not see what is about themself (their own cadre) or about a cadre they are registered as related
 * to (`recusals`) — seen from the caller's side (a filter) or from the record's (which users).
 */

/**
 * Rows carrying their subject cadres as an array (to-dos, notifications): only those sharing none
 * with the caller's recused cadres. No condition for a caller related to nobody.
 */
export function recusalArrayFilter(actor: Actor, subjectCadresColumn: PgColumn): SQL | undefined {
  const recused = recusedCadresSql(actor);
  return recused
    ? sql`not exists (select 1 from unnest(${subjectCadresColumn}) as s(cadre_id) where s.cadre_id in (${recused}))`
    : undefined;
}

/** A condition on a `users` row: the user must recuse from a record about these cadres. */
export function userRecusedSql(cadreIds: number[]): SQL {
  const unique = [...new Set(cadreIds)];
  if (!unique.length) return sql`false`;
  const list = sql.join(
    unique.map((id) => sql`${id}`),
    sql`, `,
  );
  // coalesce: a user without a cadre of their own is not recused by it (NULL IN … is NULL, and NOT NULL drops the row)
  return sql`(coalesce(${users.cadreId} in (${list}), false) or exists (select 1 from ${recusals} where ${recusals.userId} = ${users.id} and ${recusals.cadreId} in (${list})))`;
}

/** The users among `userIds` who must recuse from a record about `cadreIds`. */
export async function recusedUsers(
  db: Queryable,
  userIds: number[],
  cadreIds: number[],
): Promise<Set<number>> {
  if (!userIds.length || !cadreIds.length) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...new Set(userIds)]), userRecusedSql(cadreIds)));
  return new Set(rows.map((r) => r.id));
}

/**
 * A condition on a `users` row joined with its own org (`orgs`): the user's data scope covers `org`
 * — the same rule as `scopeFilter` from the user's side.
 */
export function userCoversOrgSql(org: { id: number; path: string }): SQL {
  return or(
    eq(users.dataScope, 'all'),
    and(eq(users.dataScope, 'subtree'), ne(orgs.path, ''), sql`${org.path} like ${orgs.path} || '%'`),
    and(eq(users.dataScope, 'org'), eq(users.orgId, org.id)),
  )!;
}

export interface PathHolder {
  userId: number;
  orgId: number;
  /** The holder's roles that carry the permission. */
  roles: string[];
  recused: boolean;
}

/**
 * Active users placed on the org's path (the org and the orgs above it) who hold `permission` and
 * whose data scope covers the org, each marked recused or not for a record about `subjectCadreIds`.
 */
export async function pathHolders(
  db: Queryable,
  opts: { permission: string; org: { id: number; path: string }; subjectCadreIds: number[] },
): Promise<PathHolder[]> {
  const ids = pathIds(opts.org.path);
  if (!ids.length) return [];
  const rows = await db
    .select({
      userId: users.id,
      orgId: users.orgId,
      role: roles.code,
      recused: sql<boolean>`${userRecusedSql(opts.subjectCadreIds)}`,
    })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .innerJoin(
      rolePermissions,
      and(eq(rolePermissions.roleId, roles.id), eq(rolePermissions.permission, opts.permission)),
    )
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(isNull(users.disabledAt), inArray(users.orgId, ids), userCoversOrgSql(opts.org)));
  const byUser = new Map<number, PathHolder>();
  for (const r of rows) {
    const h = byUser.get(r.userId) ?? { userId: r.userId, orgId: r.orgId, roles: [], recused: !!r.recused };
    if (!h.roles.includes(r.role)) h.roles.push(r.role);
    byUser.set(r.userId, h);
  }
  return [...byUser.values()];
}

/** What changed: the cadres whose related users (or own account) changed. */
export interface RecusalChange {
  cadreIds: number[];
}
type RecusalHandler = (tx: Queryable, ctx: AppContext, change: RecusalChange) => Promise<void>;
const handlers: RecusalHandler[] = [];

/**
 * A module whose records must never become invisible to everyone (petitions) re-evaluates them when
 * a recusal changes. Handlers run inside the transaction of the change and use only `tx`.
 */
export function onRecusalChange(handler: RecusalHandler): void {
  handlers.push(handler);
}

/** Call inside the transaction that links or unlinks a related user or a user's own cadre. */
export async function recusalChanged(tx: Queryable, ctx: AppContext, change: RecusalChange): Promise<void> {
  if (!change.cadreIds.length) return;
  for (const handler of handlers) await handler(tx, ctx, change);
}
