import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { totpFailures } from './schema.js';
import type { SecuritySettings } from './security-settings.js';

/**
 * Wrong second-factor codes per account, across its half-signed-in sessions and the TOTP unlock:
 * at `totpAccountFailures` within the lockout window the account's second factor pauses for the
 * lockout minutes. Only someone who has the password gets this far, so this is no lever for strangers.
 */
export async function totpBlockedUntil(db: Queryable, userId: number, now: Date): Promise<Date | null> {
  const [row] = await db.select().from(totpFailures).where(eq(totpFailures.userId, userId));
  return row?.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null;
}

export async function countTotpFailure(
  db: Queryable,
  userId: number,
  now: Date,
  s: SecuritySettings,
): Promise<{ failures: number; blockedUntil: Date | null }> {
  const windowStart = new Date(now.getTime() - s.lockoutMinutes * 60_000);
  const stale = sql`${totpFailures.firstAt} < ${windowStart}`;
  const [row] = await db
    .insert(totpFailures)
    .values({ userId, failures: 1, firstAt: now })
    .onConflictDoUpdate({
      target: totpFailures.userId,
      set: {
        failures: sql`case when ${stale} then 1 else ${totpFailures.failures} + 1 end`,
        blockedUntil: sql`case when ${stale} then null else ${totpFailures.blockedUntil} end`,
        firstAt: sql`case when ${stale} then ${now} else ${totpFailures.firstAt} end`,
      },
    })
    .returning();
  if (row.failures < s.totpAccountFailures) return { failures: row.failures, blockedUntil: null };
  const blockedUntil = new Date(now.getTime() + s.lockoutMinutes * 60_000);
  await db.update(totpFailures).set({ blockedUntil }).where(eq(totpFailures.userId, userId));
  return { failures: row.failures, blockedUntil };
}

export async function clearTotpFailures(db: Queryable, userId: number): Promise<void> {
  await db.delete(totpFailures).where(eq(totpFailures.userId, userId));
}

const hhmm = (d: Date) =>
  d.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });

/** The half-signed-in session has ended after too many wrong codes: the caller must sign in again. */
export const totpLockedError = (blockedUntil: Date | null) =>
  new AppError(
    401,
    'totp_locked',
    blockedUntil
      ? `两步验证码错误次数过多，该账号的两步验证已暂停至 ${hhmm(blockedUntil)}，本次登录已结束`
      : '两步验证码错误次数过多，本次登录已结束，请重新登录',
  );
