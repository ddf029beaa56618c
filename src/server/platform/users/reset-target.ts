import { eq } from 'drizzle-orm';
import { type ResetApproval, resetApproval } from '../../../domain/password-reset.js';
import type { Queryable } from '../db/client.js';
import { rolePermissions, roles, userRoles, users } from './schema.js';

/** What a reset of this account needs: one administrator, or a second one to confirm (see resetApproval). */
export async function resetApprovalFor(db: Queryable, userId: number): Promise<ResetApproval> {
  const [user] = await db.select({ totp: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  const held = await db
    .select({ adminClass: roles.adminClass, permission: rolePermissions.permission })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .leftJoin(rolePermissions, eq(rolePermissions.roleId, roles.id))
    .where(eq(userRoles.userId, userId));
  return resetApproval({
    adminClasses: [...new Set(held.flatMap((h) => (h.adminClass ? [h.adminClass] : [])))],
    permissions: held.flatMap((h) => (h.permission ? [h.permission] : [])),
    totpEnrolled: !!user?.totp,
  });
}
