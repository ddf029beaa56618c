import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { rolePermissions, roles } from '../users/schema.js';
import type { roleCreate } from './contract.js';
import { describeRole } from './list-roles.js';
import { checkRoleDefinition } from './permission-catalogue.js';

const codeTaken = () =>
  new AppError(409, 'code_taken', '角色编码已存在，请换一个', { code: '角色编码已存在' });

/**
 * A custom business role; the three administrator roles are built in and never created here, and a
 * custom role never holds their administration (accounts, roles, the audit log).
 */
export async function createRole(opts: { ctx: AppContext; actor: Actor; input: z.infer<typeof roleCreate> }) {
  const { ctx, actor, input } = opts;
  const [taken] = await ctx.db
    .select({ id: roles.id })
    .from(roles)
    .where(sql`lower(${roles.code}) = lower(${input.code})`);
  if (taken) throw codeTaken();
  const permissions = [...new Set(input.permissions)];
  checkRoleDefinition(
    { name: input.name, adminClass: null },
    { permissions, mfaRequired: input.mfaRequired },
  );
  return ctx.db
    .transaction(async (tx) => {
      const [role] = await tx
        .insert(roles)
        .values({
          code: input.code,
          name: input.name,
          description: input.description ?? null,
          builtin: false,
          adminClass: null,
          mfaRequired: input.mfaRequired,
        })
        .returning();
      if (permissions.length)
        await tx
          .insert(rolePermissions)
          .values(permissions.map((permission) => ({ roleId: role.id, permission })));
      await recordAudit(tx, ctx.clock, actor, {
        action: 'role.create',
        objectType: 'role',
        objectId: role.id,
        detail: { code: role.code, name: role.name, mfaRequired: role.mfaRequired, permissions },
      });
      return describeRole(tx, role);
    })
    .catch((e) => {
      if ((e?.code ?? e?.cause?.code) === '23505') throw codeTaken();
      throw e;
    });
}
