import { count, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { notFound, unprocessable } from '../http/errors.js';
import { rolePermissions, roles, userRoles } from '../users/schema.js';
import { findRole } from './list-roles.js';

/** Deletes a custom role nobody holds; built-in roles stay. */
export async function deleteRole(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const role = await findRole(ctx.db, id);
  if (!role) throw notFound('角色不存在');
  if (role.builtin) throw unprocessable('内置角色不能删除');
  await ctx.db.transaction(async (tx) => {
    // Counted inside the transaction, after taking the role row, so an assignment cannot slip in between.
    await tx.select({ id: roles.id }).from(roles).where(eq(roles.id, id)).for('update');
    const [{ n }] = await tx.select({ n: count() }).from(userRoles).where(eq(userRoles.roleId, id));
    if (n > 0) throw unprocessable(`还有 ${n} 个用户拥有该角色，请先撤销后再删除`);
    await tx.delete(rolePermissions).where(eq(rolePermissions.roleId, id));
    await tx.delete(roles).where(eq(roles.id, id));
    await recordAudit(tx, ctx.clock, actor, {
      action: 'role.delete',
      objectType: 'role',
      objectId: id,
      detail: { code: role.code, name: role.name },
    });
  });
}
