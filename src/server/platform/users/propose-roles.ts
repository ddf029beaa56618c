import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { forbidden, unprocessable } from '../http/errors.js';
import type { roleProposalBody } from './contract.js';
import { describeUser } from './describe-users.js';
import { loadUser } from './load-user.js';
import { checkRoleSet, type RoleRow, rolesByCode, rolesOfUser } from './role-change.js';
import { roleRequests, roles } from './schema.js';

/** The roles already waiting for their grant on an account. */
export async function pendingRolesOf(tx: Tx, userId: number): Promise<RoleRow[]> {
  const rows = await tx
    .select({ role: roles })
    .from(roleRequests)
    .innerJoin(roles, eq(roles.id, roleRequests.roleId))
    .where(and(eq(roleRequests.userId, userId), eq(roleRequests.status, 'pending')));
  return rows.map((r) => r.role);
}

/**
 * Records roles proposed for an account as waiting for a security administrator's grant (待授权):
 * they give nothing until granted. Roles already held or already waiting are skipped; a set that
 * 三员分立 could never allow is refused now rather than at the grant. Returns the codes recorded.
 */
export async function recordRoleRequests(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  userId: number,
  proposed: RoleRow[],
): Promise<string[]> {
  if (proposed.length === 0) return [];
  const held = await rolesOfUser(tx, userId);
  const waiting = await pendingRolesOf(tx, userId);
  const known = new Set([...held, ...waiting].map((r) => r.code));
  const fresh = proposed.filter((r) => !known.has(r.code));
  checkRoleSet([...held, ...waiting, ...fresh]);
  if (fresh.length === 0) return [];
  const now = ctx.clock.now();
  await tx
    .insert(roleRequests)
    .values(fresh.map((r) => ({ userId, roleId: r.id, requestedBy: actor.userId, requestedAt: now })));
  await recordAudit(tx, ctx.clock, actor, {
    action: 'role.request',
    objectType: 'user',
    objectId: userId,
    detail: { roles: fresh.map((r) => r.code) },
  });
  return fresh.map((r) => r.code);
}

/** 提请授权: whoever manages accounts proposes roles for an existing account; a security administrator decides. */
export async function proposeRoles(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof roleProposalBody>;
}) {
  const { ctx, actor, id, input } = opts;
  const user = await loadUser(ctx.db, actor, id);
  if (id === actor.userId) throw forbidden('不能为自己提请授权角色，请由其他管理员操作');
  const proposed = await rolesByCode(ctx.db, input.roles);
  return ctx.db.transaction(async (tx) => {
    const recorded = await recordRoleRequests(tx, ctx, actor, id, proposed);
    if (recorded.length === 0) throw unprocessable('所选角色已拥有或已在等待授权');
    return describeUser(tx, user, ctx.clock.now());
  });
}
