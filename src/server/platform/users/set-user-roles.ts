import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import { endUserSessions } from '../auth/session-store.js';
import type { AppContext } from '../context.js';
import { conflict, forbidden } from '../http/errors.js';
import type { userRolesBody } from './contract.js';
import { describeUser } from './describe-users.js';
import { loadUser } from './load-user.js';
import { checkRoleChange, keepOneAdmin, rolesByCode, rolesOfUser } from './role-change.js';
import { roleRequests, userRoles, users } from './schema.js';

/**
 * Replaces a user's roles: the security administrator's (role.manage) alone, business and
 * administrator roles alike; 三员分立 always holds. A role waiting for its grant that is now held
 * counts as granted. The user's sessions end: what they may do has changed.
 */
export async function setUserRoles(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof userRolesBody>;
}) {
  const { ctx, actor, id, input } = opts;
  await loadUser(ctx.db, actor, id);
  if (id === actor.userId) throw forbidden('不能修改自己的角色，请由其他管理员操作');
  const after = await rolesByCode(ctx.db, input.roles);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .update(users)
      .set({ version: input.version + 1 })
      .where(and(eq(users.id, id), eq(users.version, input.version)))
      .returning();
    if (!saved) throw conflict();
    const before = await rolesOfUser(tx, id);
    checkRoleChange(actor, before, after);
    const keep = new Set(after.map((r) => r.id));
    const had = new Set(before.map((r) => r.id));
    const removed = before.filter((r) => !keep.has(r.id));
    const added = after.filter((r) => !had.has(r.id));
    if (saved.disabledAt === null) await keepOneAdmin(tx, id, removed);
    if (removed.length)
      await tx.delete(userRoles).where(
        and(
          eq(userRoles.userId, id),
          inArray(
            userRoles.roleId,
            removed.map((r) => r.id),
          ),
        ),
      );
    if (added.length) await tx.insert(userRoles).values(added.map((r) => ({ userId: id, roleId: r.id })));
    if (after.length)
      await tx
        .update(roleRequests)
        .set({ status: 'granted', decidedBy: actor.userId, decidedAt: now })
        .where(
          and(
            eq(roleRequests.userId, id),
            eq(roleRequests.status, 'pending'),
            inArray(
              roleRequests.roleId,
              after.map((r) => r.id),
            ),
          ),
        );
    const ended = added.length || removed.length ? await endUserSessions(tx, id, now, 'roles_changed') : 0;
    await recordAudit(tx, ctx.clock, actor, {
      action: 'role.assign',
      objectType: 'user',
      objectId: id,
      detail: {
        added: added.map((r) => r.code),
        removed: removed.map((r) => r.code),
        endedSessions: ended,
      },
    });
    return describeUser(tx, saved, now);
  });
}
