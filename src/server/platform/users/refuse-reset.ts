import { eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { forbidden } from '../http/errors.js';
import { loadUser } from './load-user.js';
import { findResetRequest, takePendingResetRequest } from './reset-request-store.js';
import { passwordResetRequests } from './schema.js';

/** Refuses a reset another administrator asked for, or withdraws one's own request; the password stays. */
export async function refuseReset(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const found = await findResetRequest(ctx.db, id);
  await loadUser(ctx.db, actor, found.userId);
  if (found.userId === actor.userId) throw forbidden('不能处理针对自己账号的重置申请');
  const withdraw = found.requestedBy === actor.userId;
  const status = withdraw ? 'withdrawn' : 'refused';
  return ctx.db.transaction(async (tx) => {
    const request = await takePendingResetRequest(tx, id);
    await tx
      .update(passwordResetRequests)
      .set({ status, decidedBy: actor.userId, decidedAt: ctx.clock.now() })
      .where(eq(passwordResetRequests.id, id));
    await recordAudit(tx, ctx.clock, actor, {
      action: withdraw ? 'user.reset_password_withdraw' : 'user.reset_password_refuse',
      objectType: 'user',
      objectId: request.userId,
      detail: { requestId: id, requestedBy: request.requestedBy },
    });
    return { ok: true, status };
  });
}
