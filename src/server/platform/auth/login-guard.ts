import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { AppError } from '../http/errors.js';
import { users } from '../users/schema.js';
import { loginFailures, sessions } from './schema.js';
import type { SecuritySettings } from './security-settings.js';

/**
 * Sign-in failures per (username as typed, address) — see docs/decisions/login-throttling.md.
 * Everything here treats an unknown username exactly like a known one.
 */
export const addressOf = (ip: string | null) => ip ?? '';

const KNOWN_ADDRESS_DAYS = 90;

export type FailureRow = typeof loginFailures.$inferSelect;

export async function failureRow(
  db: Queryable,
  username: string,
  ip: string,
): Promise<FailureRow | undefined> {
  const [row] = await db
    .select()
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username), eq(loginFailures.ip, ip)));
  return row;
}

export const lockInForce = (row: FailureRow | undefined, now: Date) =>
  !!row?.lockedUntil && row.lockedUntil > now;

const hhmm = (d: Date) =>
  d.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });

/** The one answer to a locked (username, address), whether the account exists or not. */
export const lockedError = (until: Date) =>
  new AppError(
    423,
    'locked',
    `登录失败次数过多，此地址已暂停登录该账号至 ${hhmm(until)}。可换用其他设备登录、使用两步验证解锁，或联系系统管理员解锁`,
  );

/** The one answer to a wrong username or password, with the tries left before this address is locked. */
export const wrongError = (left: number, minutes: number) =>
  new AppError(
    401,
    'bad_credentials',
    `用户名或密码错误，再错 ${left} 次将暂停此地址登录该账号 ${minutes} 分钟`,
  );

/**
 * An address the account has signed in from (fully, past every step) within 90 days: the
 * account-wide slowdown does not apply there, so its owner is never kept out by strangers.
 */
export async function knownAddress(db: Queryable, userId: number, ip: string, now: Date): Promise<boolean> {
  if (!ip) return false;
  const since = new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000);
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        eq(sessions.ip, ip),
        isNull(sessions.pending),
        gt(sessions.createdAt, since),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * Seconds an address must still wait before trying this username, when the account has failed
 * `slowdownAfter` times or more across all addresses within the window: 1 s, 2 s, 4 s, … after the
 * last failure, up to `slowdownMaxSeconds`. 0 when it may try now.
 */
export async function slowdownSeconds(
  db: Queryable,
  username: string,
  now: Date,
  s: SecuritySettings,
): Promise<number> {
  const since = new Date(now.getTime() - s.lockoutMinutes * 60_000);
  const [agg] = rowsOf<{ failures: string | number | null; last: Date | string | null }>(
    await db.execute(sql`
      select coalesce(sum(${loginFailures.failures}), 0) as failures, max(${loginFailures.lastAt}) as last
      from ${loginFailures}
      where ${loginFailures.username} = ${username} and ${loginFailures.lastAt} > ${since}`),
  );
  const failures = Number(agg?.failures ?? 0);
  if (failures < s.slowdownAfter || !agg?.last) return 0;
  const wait = Math.min(2 ** Math.min(failures - s.slowdownAfter, 30), s.slowdownMaxSeconds) * 1000;
  const until = new Date(agg.last).getTime() + wait;
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/**
 * Counts one failure of (username, address) in the lockout window (a failure after the window
 * starts a new count) and locks the pair when it reaches the threshold. Returns the count and the lock.
 */
export async function recordFailure(
  db: Queryable,
  username: string,
  ip: string,
  now: Date,
  s: SecuritySettings,
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const windowStart = new Date(now.getTime() - s.lockoutMinutes * 60_000);
  const stale = sql`${loginFailures.firstAt} < ${windowStart}`;
  const [row] = await db
    .insert(loginFailures)
    .values({ username, ip, failures: 1, firstAt: now, lastAt: now })
    .onConflictDoUpdate({
      target: [loginFailures.username, loginFailures.ip],
      set: {
        failures: sql`case when ${stale} then 1 else ${loginFailures.failures} + 1 end`,
        unlockFailures: sql`case when ${stale} then 0 else ${loginFailures.unlockFailures} end`,
        lockedUntil: sql`case when ${stale} then null else ${loginFailures.lockedUntil} end`,
        firstAt: sql`case when ${stale} then ${now} else ${loginFailures.firstAt} end`,
        lastAt: now,
      },
    })
    .returning();
  if (row.failures < s.lockoutThreshold) return { failures: row.failures, lockedUntil: null };
  const lockedUntil = new Date(now.getTime() + s.lockoutMinutes * 60_000);
  await db
    .update(loginFailures)
    .set({ lockedUntil, unlockFailures: 0 })
    .where(and(eq(loginFailures.username, username), eq(loginFailures.ip, ip)));
  return { failures: row.failures, lockedUntil };
}

/** Forgets the failures of one address for a username (after it signs in or is unlocked there). */
export async function clearAddress(db: Queryable, username: string, ip: string): Promise<void> {
  await db.delete(loginFailures).where(and(eq(loginFailures.username, username), eq(loginFailures.ip, ip)));
}

/** Forgets every failure and lock of a username, at every address (an administrator's unlock, a reset). */
export async function clearLoginFailures(db: Queryable, username: string): Promise<number> {
  const gone = await db
    .delete(loginFailures)
    .where(eq(loginFailures.username, username))
    .returning({ ip: loginFailures.ip });
  return gone.length;
}

/**
 * Keeps the account's own columns in step for the administrators' user list: `locked_until` is
 * the latest lock still in force at any address, `failed_logins` the failures in the window.
 */
export async function mirrorOnUser(
  db: Queryable,
  user: { id: number; username: string },
  now: Date,
  s: SecuritySettings,
): Promise<void> {
  const since = new Date(now.getTime() - s.lockoutMinutes * 60_000);
  await db
    .update(users)
    .set({
      lockedUntil: sql`(select max(${loginFailures.lockedUntil}) from ${loginFailures}
        where ${loginFailures.username} = ${user.username} and ${loginFailures.lockedUntil} > ${now})`,
      failedLogins: sql`(select coalesce(sum(${loginFailures.failures}), 0)::int from ${loginFailures}
        where ${loginFailures.username} = ${user.username} and ${loginFailures.lastAt} > ${since})`,
    })
    .where(eq(users.id, user.id));
}
