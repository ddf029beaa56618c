import { asc, count, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { rolePermissions, roles, userRoles } from '../users/schema.js';
import type { RoleOut } from './contract.js';

type RoleRow = typeof roles.$inferSelect;

/** Every role with its permissions and how many accounts hold it: a short list, never paged. */
export async function listRoles(db: Queryable): Promise<RoleOut[]> {
  const rows = await db.select().from(roles).orderBy(asc(roles.id));
  return describeRoles(db, rows);
}

export async function describeRoles(db: Queryable, rows: RoleRow[]): Promise<RoleOut[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [perms, counts] = await Promise.all([
    db.select().from(rolePermissions).where(inArray(rolePermissions.roleId, ids)),
    db
      .select({ roleId: userRoles.roleId, n: count() })
      .from(userRoles)
      .where(inArray(userRoles.roleId, ids))
      .groupBy(userRoles.roleId),
  ]);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    description: r.description,
    builtin: r.builtin,
    adminClass: r.adminClass,
    mfaRequired: r.mfaRequired,
    permissions: perms
      .filter((p) => p.roleId === r.id)
      .map((p) => p.permission)
      .sort(),
    userCount: counts.find((c) => c.roleId === r.id)?.n ?? 0,
    version: r.version,
  }));
}

export async function describeRole(db: Queryable, row: RoleRow): Promise<RoleOut> {
  return (await describeRoles(db, [row]))[0];
}

export async function findRole(db: Queryable, id: number): Promise<RoleRow | undefined> {
  const [row] = await db.select().from(roles).where(eq(roles.id, id));
  return row;
}
