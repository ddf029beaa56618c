import { eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import { clearLoginFailures } from '../auth/login-guard.js';
import { hashPassword } from '../auth/passwords.js';
import { securitySettings } from '../auth/security-settings.js';
import { endUserSessions } from '../auth/session-store.js';
import type { AppContext } from '../context.js';
import { forbidden } from '../http/errors.js';
import { describeUser } from './describe-users.js';
import { generatePassword } from './generate-password.js';
import { loadUser } from './load-user.js';
import { users } from './schema.js';

/**
 * Replaces a forgotten password with a generated one, shown once; the user must change it at the next
 * login, their sessions end, and a lockout is lifted (the reset is how a locked-out user gets back in).
 */
export async function resetPassword(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const user = await loadUser(ctx.db, actor, id);
  if (id === actor.userId) throw forbidden('不能重置自己的密码，请在个人设置中修改');
  const settings = await securitySettings(ctx.rules);
  const password = generatePassword(settings.password, user.username);
  const passwordHash = await hashPassword(password);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: now,
        mustChangePassword: true,
        lockedUntil: null,
        failedLogins: 0,
        version: user.version + 1,
      })
      .where(eq(users.id, id))
      .returning();
    const ended = await endUserSessions(tx, id, now, 'password_reset');
    await clearLoginFailures(tx, user.username);
    await recordAudit(tx, ctx.clock, actor, {
      action: 'user.reset_password',
      objectType: 'user',
      objectId: id,
      detail: { endedSessions: ended },
    });
    return { user: await describeUser(tx, saved, now), password };
  });
}
