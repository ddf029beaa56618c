import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DataScope } from '../../../domain/permissions.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import { hashPassword } from '../auth/passwords.js';
import { securitySettings } from '../auth/security-settings.js';
import type { AppContext } from '../context.js';
import { AppError, forbidden } from '../http/errors.js';
import { loadOrg } from '../orgs/load-org.js';
import type { userCreate } from './contract.js';
import { describeUser } from './describe-users.js';
import { generatePassword } from './generate-password.js';
import { recordRoleRequests } from './propose-roles.js';
import { checkRoleSet, rolesByCode } from './role-change.js';
import { users } from './schema.js';

const SCOPE_RANK: Record<DataScope, number> = { self: 0, org: 1, subtree: 2, all: 3 };

/** A caller cannot hand out a wider reach in the org tree than their own. */
export function checkGrantableScope(actor: Actor, scope: DataScope): void {
  if (SCOPE_RANK[scope] > SCOPE_RANK[actor.dataScope]) {
    throw forbidden('不能授予比自己更大的数据范围');
  }
}

export const usernameTaken = () =>
  new AppError(409, 'username_taken', '用户名已被使用，请换一个', { username: '用户名已被使用' });

/**
 * Creates an account with a generated initial password, returned once; it must be changed at first
 * login. The account starts without roles: the roles named here wait for a security administrator's
 * grant (待授权), so the one who knows the initial password never decides what the account may do.
 */
export async function createUser(opts: { ctx: AppContext; actor: Actor; input: z.infer<typeof userCreate> }) {
  const { ctx, actor, input } = opts;
  await loadOrg(ctx.db, actor, input.orgId);
  checkGrantableScope(actor, input.dataScope);
  const proposed = await rolesByCode(ctx.db, input.roles);
  checkRoleSet(proposed);
  const [taken] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username})`);
  if (taken) throw usernameTaken();
  const settings = await securitySettings(ctx.rules);
  const password = generatePassword(settings.password, input.username);
  const passwordHash = await hashPassword(password);
  const now = ctx.clock.now();
  const user = await ctx.db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          orgId: input.orgId,
          dataScope: input.dataScope,
          phone: input.phone ?? null,
          email: input.email ?? null,
          passwordHash,
          passwordChangedAt: now,
          mustChangePassword: true,
          createdAt: now,
        })
        .returning();
      await recordAudit(tx, ctx.clock, actor, {
        action: 'user.create',
        objectType: 'user',
        objectId: row.id,
        detail: {
          username: row.username,
          orgId: row.orgId,
          dataScope: row.dataScope,
          proposedRoles: proposed.map((r) => r.code),
        },
      });
      await recordRoleRequests(tx, ctx, actor, row.id, proposed);
      return row;
    })
    .catch((e) => {
      // Two administrators racing for the same name: the unique index decides.
      if ((e?.code ?? e?.cause?.code) === '23505') throw usernameTaken();
      throw e;
    });
  return { user: await describeUser(ctx.db, user, now), password };
}
