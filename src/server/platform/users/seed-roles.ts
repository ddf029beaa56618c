import { eq, inArray } from 'drizzle-orm';
import { ALL_PERMISSIONS, BUILTIN_ROLES } from '../../../domain/permissions.js';
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
