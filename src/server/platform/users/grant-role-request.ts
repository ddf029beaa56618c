import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import { endUserSessions } from '../auth/session-store.js';
import type { AppContext } from '../context.js';
import { forbidden } from '../http/errors.js';
import { describeUser } from './describe-users.js';
import { loadUser } from './load-user.js';
import { checkRoleChange, rolesOfUser } from './role-change.js';
import { findRoleRequest, takePendingRoleRequest } from './role-request-store.js';
import { roleRequests, roles, userRoles, users } from './schema.js';

/**
 * A security administrator grants a proposed role (待授权 → 已授权): the usual rules of a role change
 * hold (role.manage, 三员分立, never one's own account), and the account's sessions end.
 */
export async function grantRoleRequest(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const found = await findRoleRequest(ctx, id);
  await loadUser(ctx.db, actor, found.userId);
  if (found.userId === actor.userId) throw forbidden('不能修改自己的角色，请由其他管理员操作');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const request = await takePendingRoleRequest(tx, id);
    const [role] = await tx.select().from(roles).where(eq(roles.id, request.roleId));
    const before = await rolesOfUser(tx, request.userId);
    const after = before.some((r) => r.id === role.id) ? before : [...before, role];
    checkRoleChange(actor, before, after);
    if (after !== before) await tx.insert(userRoles).values({ userId: request.userId, roleId: role.id });
    await tx
      .update(roleRequests)
      .set({ status: 'granted', decidedBy: actor.userId, decidedAt: now })
      .where(eq(roleRequests.id, id));
    const [saved] = await tx
      .update(users)
      .set({ version: sql`${users.version} + 1` })
      .where(eq(users.id, request.userId))
      .returning();
    const ended = after !== before ? await endUserSessions(tx, request.userId, now, 'roles_changed') : 0;
    await recordAudit(tx, ctx.clock, actor, {
      action: 'role.assign',
      objectType: 'user',
      objectId: request.userId,
      detail: {
        added: after !== before ? [role.code] : [],
        removed: [],
        requestId: id,
        requestedBy: request.requestedBy,
        endedSessions: ended,
      },
    });
    return describeUser(tx, saved, now);
  });
}
