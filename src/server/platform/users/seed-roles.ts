import { inArray } from 'drizzle-orm';
import { BUILTIN_ROLES } from '../../../domain/permissions.js';
import type { Queryable } from '../db/client.js';
import { rolePermissions, roles } from './schema.js';

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
