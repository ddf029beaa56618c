import { and, eq, inArray, isNull, not } from 'drizzle-orm';
import { userCoversOrgSql, userRecusedSql } from '../access/recusal.js';
import type { Queryable } from '../db/client.js';
import { orgs } from '../orgs/schema.js';
import { roles, userRoles, users } from '../users/schema.js';

export interface Recipient {
  id: number;
  displayName: string;
  email: string | null;
}

/** Roles told when a to-do in their township is overdue. */
export const LEADERSHIP_ROLES = ['party_secretary', 'township_head'];

const recipientFields = { id: users.id, displayName: users.displayName, email: users.email };

/**
 * Active users holding `role` whose data scope covers the org (the same rule as to-do visibility),
 * without those who must recuse from a record about `subjectCadreIds`.
 */
export async function roleHolders(
  db: Queryable,
  role: string,
  org: { id: number; path: string },
  subjectCadreIds: number[] = [],
): Promise<Recipient[]> {
  return db
    .selectDistinct(recipientFields)
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(
      and(
        eq(roles.code, role),
        isNull(users.disabledAt),
        userCoversOrgSql(org),
        subjectCadreIds.length ? not(userRecusedSql(subjectCadreIds)) : undefined,
      ),
    );
}

/** The party secretary and township head of the to-do's org and of the township it lies in. */
export async function leadershipOf(db: Queryable, org: { id: number; path: string }): Promise<Recipient[]> {
  const ancestors = org.path.split('/').filter(Boolean).map(Number);
  const townships = ancestors.length
    ? await db
        .select({ id: orgs.id })
        .from(orgs)
        .where(and(inArray(orgs.id, ancestors), eq(orgs.kind, 'township')))
    : [];
  return db
    .selectDistinct(recipientFields)
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(
      and(
        inArray(roles.code, LEADERSHIP_ROLES),
        isNull(users.disabledAt),
        inArray(users.orgId, [org.id, ...townships.map((t) => t.id)]),
      ),
    );
}

export async function userRecipient(db: Queryable, userId: number): Promise<Recipient[]> {
  return db
    .select(recipientFields)
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
}
