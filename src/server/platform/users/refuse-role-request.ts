import { and, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { forbidden } from '../http/errors.js';
import { loadUser } from './load-user.js';
import { findRoleRequest, takePendingRoleRequest } from './role-request-store.js';
import { roleRequests, roles } from './schema.js';

/**
 * Refuses (安全保密管理员) or withdraws (the administrator who proposed it) a role waiting for its grant.
 */
export async function refuseRoleRequest(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const found = await findRoleRequest(ctx, id);
  await loadUser(ctx.db, actor, found.userId);
  const refuse = actor.permissions.has('role.manage');
  if (!refuse && found.requestedBy !== actor.userId)
    throw forbidden('只有安全保密管理员或提请人可以处理该授权申请');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const request = await takePendingRoleRequest(tx, id);
    const status = refuse ? 'refused' : 'withdrawn';
    await tx
      .update(roleRequests)
      .set({ status, decidedBy: actor.userId, decidedAt: now })
      .where(and(eq(roleRequests.id, id), eq(roleRequests.status, 'pending')));
    const [role] = await tx.select({ code: roles.code }).from(roles).where(eq(roles.id, request.roleId));
    await recordAudit(tx, ctx.clock, actor, {
      action: refuse ? 'role.request_refuse' : 'role.request_withdraw',
      objectType: 'user',
      objectId: request.userId,
      detail: { requestId: id, role: role?.code ?? null, requestedBy: request.requestedBy },
    });
    return { ok: true, status };
  });
}
