import { and, eq } from 'drizzle-orm';
import { RESET_REASONS } from '../../../domain/password-reset.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { forbidden, unprocessable } from '../http/errors.js';
import { applyReset, newPassword } from './apply-reset.js';
import { describeUser } from './describe-users.js';
import { describeResetRequest } from './list-reset-requests.js';
import { loadUser } from './load-user.js';
import { resetApprovalFor } from './reset-target.js';
import { passwordResetRequests } from './schema.js';

const alreadyAsked = () => unprocessable('该账号已有等待确认的密码重置申请');

/**
 * Replaces a forgotten password. Whoever resets a password learns it, so one system administrator
 * resets alone only an account whose password opens nothing protected (see resetApproval): the new
 * password is shown to him once. Otherwise the reset is only asked for here; another administrator
 * confirms it and alone receives the password. Nobody resets their own.
 */
export async function resetPassword(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const user = await loadUser(ctx.db, actor, id);
  if (id === actor.userId) throw forbidden('不能重置自己的密码，请在个人设置中修改');
  const approval = await resetApprovalFor(ctx.db, id);
  const now = ctx.clock.now();
  if (approval.kind === 'alone') {
    const { password, hash } = await newPassword(ctx, user.username);
    return ctx.db.transaction(async (tx) => {
      const saved = await applyReset(tx, ctx, actor, { user, hash, by: actor.displayName, detail: {} });
      return { outcome: 'reset' as const, user: saved, password };
    });
  }
  return ctx.db
    .transaction(async (tx) => {
      const [open] = await tx
        .select({ id: passwordResetRequests.id })
        .from(passwordResetRequests)
        .where(and(eq(passwordResetRequests.userId, id), eq(passwordResetRequests.status, 'pending')));
      if (open) throw alreadyAsked();
      const [request] = await tx
        .insert(passwordResetRequests)
        .values({ userId: id, reason: approval.reason, requestedBy: actor.userId, requestedAt: now })
        .returning();
      await recordAudit(tx, ctx.clock, actor, {
        action: 'user.reset_password_request',
        objectType: 'user',
        objectId: id,
        detail: { requestId: request.id, reason: approval.reason },
      });
      return {
        outcome: 'requested' as const,
        user: await describeUser(tx, user, now),
        request: await describeResetRequest(tx, actor, request.id),
        message: RESET_REASONS[approval.reason],
      };
    })
    .catch((e) => {
      if ((e?.code ?? e?.cause?.code) === '23505') throw alreadyAsked();
      throw e;
    });
}
