import { eq } from 'drizzle-orm';
import { resetConfirmRefusal } from '../../../domain/password-reset.js';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { forbidden } from '../http/errors.js';
import { applyReset, newPassword } from './apply-reset.js';
import { loadUser } from './load-user.js';
import { findResetRequest, takePendingResetRequest } from './reset-request-store.js';
import { passwordResetRequests, users } from './schema.js';

/**
 * A second administrator confirms a reset another one asked for, and alone receives the new
 * password (shown once): neither the requester nor the account's owner may confirm it.
 */
export async function confirmReset(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const found = await findResetRequest(ctx.db, id);
  const user = await loadUser(ctx.db, actor, found.userId);
  const refusal = resetConfirmRefusal({
    confirmerId: actor.userId,
    confirmerPermissions: actor.permissions,
    requesterId: found.requestedBy,
    targetId: found.userId,
  });
  if (refusal) throw forbidden(refusal);
  const { password, hash } = await newPassword(ctx, user.username);
  return ctx.db.transaction(async (tx) => {
    const request = await takePendingResetRequest(tx, id);
    const [requester] = await tx
      .select({ displayName: users.displayName })
      .from(users)
      .where(eq(users.id, request.requestedBy));
    const [current] = await tx.select().from(users).where(eq(users.id, request.userId));
    await tx
      .update(passwordResetRequests)
      .set({ status: 'confirmed', decidedBy: actor.userId, decidedAt: ctx.clock.now() })
      .where(eq(passwordResetRequests.id, id));
    const saved = await applyReset(tx, ctx, actor, {
      user: current,
      hash,
      by: `${requester?.displayName ?? '管理员'}（申请）、${actor.displayName}（确认）`,
      detail: { requestId: id, requestedBy: request.requestedBy, reason: request.reason },
    });
    return { user: saved, password };
  });
}
