import { eq } from 'drizzle-orm';
import { resetNotice } from '../../../domain/password-reset.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import { clearLoginFailures } from '../auth/login-guard.js';
import { hashPassword } from '../auth/passwords.js';
import { securitySettings } from '../auth/security-settings.js';
import { endUserSessions } from '../auth/session-store.js';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { notifyUsers } from '../todos/notify.js';
import { describeUser } from './describe-users.js';
import { generatePassword } from './generate-password.js';
import type { UserRow } from './load-user.js';
import { users } from './schema.js';

/** A new random password and its hash, made before the transaction (hashing is slow on purpose). */
export async function newPassword(ctx: AppContext, username: string) {
  const settings = await securitySettings(ctx.rules);
  const password = generatePassword(settings.password, username);
  return { password, hash: await hashPassword(password) };
}

/**
 * Replaces the password inside the caller's transaction: the user must change it at the next login,
 * their sessions end, a lockout is lifted, and the second factor stays exactly as it was (a reset
 * never clears TOTP). The owner is told who reset it and when — at the next sign-in, in the inbox
 * and by e-mail — so a reset they did not ask for does not go unnoticed.
 */
export async function applyReset(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  opts: { user: UserRow; hash: string; by: string; detail: Record<string, unknown> },
) {
  const now = ctx.clock.now();
  const { user } = opts;
  const [saved] = await tx
    .update(users)
    .set({
      passwordHash: opts.hash,
      passwordChangedAt: now,
      mustChangePassword: true,
      lockedUntil: null,
      failedLogins: 0,
      passwordResetAt: now,
      passwordResetBy: opts.by,
      version: user.version + 1,
    })
    .where(eq(users.id, user.id))
    .returning();
  const ended = await endUserSessions(tx, user.id, now, 'password_reset');
  await clearLoginFailures(tx, user.username); // the reset is how a locked-out user gets back in
  await notifyUsers(tx, ctx.clock, [{ id: user.id, displayName: user.displayName, email: user.email }], {
    title: '您的密码已被管理员重置',
    body: `${resetNotice(now, opts.by)}。如非您本人申请，请立即联系安全保密管理员。`,
    link: '/profile',
  });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'user.reset_password',
    objectType: 'user',
    objectId: user.id,
    detail: { ...opts.detail, endedSessions: ended },
  });
  return describeUser(tx, saved, now);
}
