import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { ownRoleRefusal } from '../../../domain/permissions.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { conflict, forbidden, notFound } from '../http/errors.js';
import { rolePermissions, roles } from '../users/schema.js';
import type { roleUpdate } from './contract.js';
import { describeRole, describeRoles, findRole } from './list-roles.js';
import { checkRoleDefinition } from './permission-catalogue.js';

/**
 * Renames a role and replaces its permissions; built-in roles too, but their code and administrator
 * class never change, an administrator role stays inside its class, and nobody changes a role they
 * hold themself. Holders' sessions pick up the new permissions at their next request.
 */
export async function updateRole(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof roleUpdate>;
}) {
  const { ctx, actor, id, input } = opts;
  const role = await findRole(ctx.db, id);
  if (!role) throw notFound('角色不存在');
  const own = ownRoleRefusal(actor.roles, role.code);
  if (own) throw forbidden(own);
  const permissions = [...new Set(input.permissions)];
  checkRoleDefinition(role, { permissions, mfaRequired: input.mfaRequired });
  return ctx.db.transaction(async (tx) => {
    const [before] = await describeRoles(tx, [role]);
    const [saved] = await tx
      .update(roles)
      .set({
        name: input.name,
        description: input.description ?? null,
        mfaRequired: input.mfaRequired,
        version: input.version + 1,
      })
      .where(and(eq(roles.id, id), eq(roles.version, input.version)))
      .returning();
    if (!saved) throw conflict();
    await tx.delete(rolePermissions).where(eq(rolePermissions.roleId, id));
    if (permissions.length)
      await tx.insert(rolePermissions).values(permissions.map((permission) => ({ roleId: id, permission })));
    await recordAudit(tx, ctx.clock, actor, {
      action: 'role.update',
      objectType: 'role',
      objectId: id,
      detail: {
        code: role.code,
        before: { name: role.name, mfaRequired: role.mfaRequired },
        after: { name: saved.name, mfaRequired: saved.mfaRequired },
        granted: permissions.filter((p) => !before.permissions.includes(p)),
        revoked: before.permissions.filter((p) => !(permissions as string[]).includes(p)),
      },
    });
    return describeRole(tx, saved);
  });
}
