import { eq } from 'drizzle-orm';
import { resetNotice } from '../../../domain/password-reset.js';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { orgs } from '../orgs/schema.js';
import { users } from '../users/schema.js';

/** What the UI needs about the caller: identity, abilities (to hide what they cannot do), and any pending step. */
export async function describeMe(ctx: AppContext, actor: Actor, csrfToken: string) {
  const [row] = await ctx.db
    .select({ user: users, orgName: orgs.name })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(users.id, actor.userId));
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    orgId: actor.orgId,
    orgName: row.orgName,
    dataScope: actor.dataScope,
    roles: actor.roles,
    permissions: [...actor.permissions].sort(),
    pending: actor.pending,
    totpEnabled: row.user.totpEnabledAt !== null,
    passwordChangedAt: row.user.passwordChangedAt.toISOString(),
    passwordReset: lastReset(row.user),
    csrfToken,
  };
}

/**
 * The last time an administrator reset the caller's password, told to its owner: `current` while the
 * password is still the one the reset made (the sign-in that follows shows the notice).
 */
function lastReset(u: typeof users.$inferSelect) {
  if (!u.passwordResetAt) return null;
  const by = u.passwordResetBy ?? '管理员';
  return {
    at: u.passwordResetAt.toISOString(),
    by,
    notice: resetNotice(u.passwordResetAt, by),
    current: u.mustChangePassword && u.passwordChangedAt.getTime() <= u.passwordResetAt.getTime(),
  };
}
