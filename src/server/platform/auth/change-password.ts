import { and, eq, isNull, ne } from 'drizzle-orm';
import { passwordProblems } from '../../../domain/password-policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { AppError, badRequest } from '../http/errors.js';
import { users } from '../users/schema.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { nextPendingStep } from './pending-step.js';
import { sessions } from './schema.js';
import { securitySettings } from './security-settings.js';

/** The caller changes their own password; other sessions of theirs end, this one moves to its next step. */
export async function changePassword(opts: { ctx: AppContext; actor: Actor; current: string; next: string }) {
  const { ctx, actor } = opts;
  const now = ctx.clock.now();
  const settings = await securitySettings(ctx.rules);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!(await verifyPassword(opts.current, user.passwordHash))) {
    throw new AppError(400, 'bad_credentials', '当前密码不正确', { current: '当前密码不正确' });
  }
  const problems = passwordProblems(opts.next, settings.password, user.username);
  if (await verifyPassword(opts.next, user.passwordHash)) problems.push('新密码不能与当前密码相同');
  if (problems.length) throw badRequest(problems[0], { next: problems.join('；') });
  const hash = await hashPassword(opts.next);
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash: hash,
        passwordChangedAt: now,
        mustChangePassword: false,
        version: user.version + 1,
      })
      .where(eq(users.id, user.id));
    await tx
      .update(sessions)
      .set({ endedAt: now, endReason: 'password_changed' })
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, actor.sessionId), isNull(sessions.endedAt)));
    const pending = await nextPendingStep(tx, user.id, { totpVerified: true, now, settings });
    await tx.update(sessions).set({ pending }).where(eq(sessions.id, actor.sessionId));
    await recordAudit(tx, ctx.clock, actor, {
      action: 'auth.password_change',
      objectType: 'user',
      objectId: user.id,
    });
    return { pending };
  });
}
