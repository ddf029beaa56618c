import { eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import { clearLoginFailures } from '../auth/login-guard.js';
import type { AppContext } from '../context.js';
import { describeUser } from './describe-users.js';
import { loadUser } from './load-user.js';
import { users } from './schema.js';

/** Lifts a lockout after failed logins before it runs out; audited as auth.unlock, like the lock itself. */
export async function unlockUser(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const user = await loadUser(ctx.db, actor, id);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .update(users)
      .set({ lockedUntil: null, failedLogins: 0, version: user.version + 1 })
      .where(eq(users.id, id))
      .returning();
    const addresses = await clearLoginFailures(tx, user.username);
    await recordAudit(tx, ctx.clock, actor, {
      action: 'auth.unlock',
      objectType: 'user',
      objectId: id,
      detail: {
        wasLocked: !!user.lockedUntil && user.lockedUntil > now,
        failedLogins: user.failedLogins,
        addresses,
      },
    });
    return describeUser(tx, saved, now);
  });
}
