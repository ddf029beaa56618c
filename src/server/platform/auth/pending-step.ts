import { and, eq } from 'drizzle-orm';
import { passwordExpired } from '../../../domain/password-policy.js';
import type { Actor } from '../access/actor.js';
import type { Queryable } from '../db/client.js';
import { roles, userRoles, users } from '../users/schema.js';
import type { SecuritySettings } from './security-settings.js';

/**
 * The next step a session owes before it is fully signed in, in this order: the second factor of an
 * enrolled user, then a required password change, then TOTP enrolment where a role requires it.
 */
export async function nextPendingStep(
  db: Queryable,
  userId: number,
  opts: { totpVerified: boolean; now: Date; settings: SecuritySettings },
): Promise<Actor['pending']> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error(`user ${userId} vanished`);
  if (user.totpEnabledAt && !opts.totpVerified) return 'totp';
  if (user.mustChangePassword || passwordExpired(user.passwordChangedAt, opts.now, opts.settings.password)) {
    return 'password_change';
  }
  if (!user.totpEnabledAt && (await mfaRequired(db, userId))) return 'totp_enrol';
  return null;
}

export async function mfaRequired(db: Queryable, userId: number): Promise<boolean> {
  const rows = await db
    .select({ id: roles.id })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(and(eq(userRoles.userId, userId), eq(roles.mfaRequired, true)))
    .limit(1);
  return rows.length > 0;
}
