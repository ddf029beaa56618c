import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  type AdminClass,
  ALL_PERMISSIONS,
  BUILTIN_ROLES,
  forbiddenForRole,
  type Permission,
} from '../../../domain/permissions.js';
import { appendAudit } from '../audit/append.js';
import type { Queryable } from '../db/client.js';
import { rolePermissions, roles, seededPermissions } from './schema.js';

/** Creates the built-in roles with their default permissions, once; later edits by the security administrator stay. */
export async function seedRoles(db: Queryable): Promise<void> {
  const existing = await db
    .select({ code: roles.code })
    .from(roles)
    .where(
      inArray(
        roles.code,
        BUILTIN_ROLES.map((r) => r.code),
      ),
    );
  const have = new Set(existing.map((r) => r.code));
  for (const def of BUILTIN_ROLES.filter((r) => !have.has(r.code))) {
    const [role] = await db
      .insert(roles)
      .values({
        code: def.code,
        name: def.name,
        builtin: true,
        adminClass: def.adminClass,
        mfaRequired: def.mfaRequired,
      })
      .onConflictDoNothing()
      .returning({ id: roles.id });
    if (!role) continue;
    await db
      .insert(rolePermissions)
      .values(def.permissions.map((permission) => ({ roleId: role.id, permission })));
  }
}

/** Grants each permission not seeded before to the built-in roles that hold it by default (new modules' permissions). */
export async function seedNewPermissions(db: Queryable): Promise<void> {
  const done = new Set((await db.select().from(seededPermissions)).map((r) => r.permission));
  const fresh = ALL_PERMISSIONS.filter((p) => !done.has(p));
  if (fresh.length === 0) return;
  for (const def of BUILTIN_ROLES) {
    const grants = def.permissions.filter((p) => fresh.includes(p));
    if (grants.length === 0) continue;
    const [role] = await db.select({ id: roles.id }).from(roles).where(eq(roles.code, def.code));
    if (!role) continue;
    await db
      .insert(rolePermissions)
      .values(grants.map((permission) => ({ roleId: role.id, permission })))
      .onConflictDoNothing();
  }
  await db
    .insert(seededPermissions)
    .values(fresh.map((permission) => ({ permission })))
    .onConflictDoNothing();
}

/**
 * Brings every role back inside 三员分立 at start-up: a database written under an older, looser rule
 * (the security administrator could give his own role user.manage) loses what its class may not hold,
 * and an administrator role requires the second factor again. Each repair is audited.
 */
export async function repairRoleClasses(db: Queryable, now: Date): Promise<void> {
  const all = await db.select().from(roles).orderBy(asc(roles.id));
  const perms = await db.select().from(rolePermissions);
  for (const role of all) {
    const cls = (role.adminClass as AdminClass | null) ?? null;
    const revoked = perms
      .filter((p) => p.roleId === role.id)
      .map((p) => p.permission)
      .filter((p) => ALL_PERMISSIONS.includes(p as Permission) && forbiddenForRole(cls, p as Permission));
    const mfa = cls !== null && !role.mfaRequired;
    if (!revoked.length && !mfa) continue;
    if (revoked.length)
      await db
        .delete(rolePermissions)
        .where(and(eq(rolePermissions.roleId, role.id), inArray(rolePermissions.permission, revoked)));
    if (mfa) await db.update(roles).set({ mfaRequired: true }).where(eq(roles.id, role.id));
    await appendAudit(db, {
      at: now,
      action: 'role.repair',
      objectType: 'role',
      objectId: role.id,
      detail: mfa ? { code: role.code, revoked, mfaRequired: true } : { code: role.code, revoked },
    });
  }
}
