import { and, eq, inArray } from 'drizzle-orm';
import { maskPhone } from '../../../domain/mask.js';
import type { Queryable } from '../db/client.js';
import { orgs } from '../orgs/schema.js';
import type { UserOut, UserStatus } from './contract.js';
import type { UserRow } from './load-user.js';
import { roleRequests, roles, userRoles } from './schema.js';

export function statusOf(u: Pick<UserRow, 'disabledAt' | 'lockedUntil'>, now: Date): UserStatus {
  if (u.disabledAt) return 'disabled';
  if (u.lockedUntil && u.lockedUntil > now) return 'locked';
  return 'active';
}

/**
 * Adds org names, roles and the roles waiting for their grant (待授权) to user rows, in three queries
 * for the whole page; lists mask the phone.
 */
export async function describeUsers(
  db: Queryable,
  rows: UserRow[],
  opts: { now: Date; mask: boolean },
): Promise<UserOut[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((u) => u.id);
  const [orgRows, roleRows, pendingRows] = await Promise.all([
    db
      .select({ id: orgs.id, name: orgs.name })
      .from(orgs)
      .where(
        inArray(
          orgs.id,
          rows.map((u) => u.orgId),
        ),
      ),
    db
      .select({ userId: userRoles.userId, code: roles.code, name: roles.name, adminClass: roles.adminClass })
      .from(userRoles)
      .innerJoin(roles, eq(roles.id, userRoles.roleId))
      .where(inArray(userRoles.userId, ids))
      .orderBy(roles.id),
    db
      .select({
        requestId: roleRequests.id,
        userId: roleRequests.userId,
        code: roles.code,
        name: roles.name,
        adminClass: roles.adminClass,
      })
      .from(roleRequests)
      .innerJoin(roles, eq(roles.id, roleRequests.roleId))
      .where(and(inArray(roleRequests.userId, ids), eq(roleRequests.status, 'pending')))
      .orderBy(roleRequests.id),
  ]);
  const orgName = new Map(orgRows.map((o) => [o.id, o.name]));
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    orgId: u.orgId,
    orgName: orgName.get(u.orgId) ?? '',
    dataScope: u.dataScope,
    phone: opts.mask ? maskPhone(u.phone) : u.phone,
    email: u.email,
    status: statusOf(u, opts.now),
    lockedUntil: u.lockedUntil && u.lockedUntil > opts.now ? u.lockedUntil.toISOString() : null,
    mustChangePassword: u.mustChangePassword,
    totpEnabled: u.totpEnabledAt !== null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    roles: roleRows
      .filter((r) => r.userId === u.id)
      .map((r) => ({ code: r.code, name: r.name, adminClass: r.adminClass })),
    pendingRoles: pendingRows
      .filter((r) => r.userId === u.id)
      .map((r) => ({ requestId: r.requestId, code: r.code, name: r.name, adminClass: r.adminClass })),
    version: u.version,
  }));
}

export async function describeUser(db: Queryable, row: UserRow, now: Date): Promise<UserOut> {
  const [out] = await describeUsers(db, [row], { now, mask: false });
  return out;
}
