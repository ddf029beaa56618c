import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/client.js';
import { AppError, tooMany } from '../http/errors.js';
import { users } from '../users/schema.js';
import {
  addressOf,
  clearAddress,
  failureRow,
  knownAddress,
  lockedError,
  lockInForce,
  mirrorOnUser,
  recordFailure,
  slowdownSeconds,
  wrongError,
} from './login-guard.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';
import { nextPendingStep } from './pending-step.js';
import { loginThrottle } from './schema.js';
import { type SecuritySettings, securitySettings } from './security-settings.js';
import { createSession } from './session-store.js';

const THROTTLE_WINDOW_MS = 15 * 60_000;

export interface LoginInput {
  ctx: AppContext;
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

type User = typeof users.$inferSelect;

export function loginAudit(username: string, ip: string | null, now: Date) {
  return (
    db: Queryable,
    action: string,
    result: 'success' | 'failure' | 'denied',
    detail: object,
    who?: User,
  ) =>
    appendAudit(db, {
      at: now,
      userId: who?.id ?? null,
      username,
      orgId: who?.orgId ?? null,
      ip,
      action,
      objectType: 'user',
      objectId: who?.id ?? null,
      result,
      detail: detail as Record<string, unknown>,
    });
}

/**
 * The password step. Unknown and known usernames take the same path (a dummy hash is checked for
 * an unknown one) and get the same answers; failures count per (username, address), so N failures
 * lock that address for T minutes while the account stays open elsewhere. See
 * docs/decisions/login-throttling.md.
 */
export async function login({ ctx, username, password, ip, userAgent }: LoginInput) {
  const now = ctx.clock.now();
  const settings = await securitySettings(ctx.rules);
  const addr = addressOf(ip);
  const audit = loginAudit(username, ip, now);

  if (ip && (await ipFailures(ctx, ip, now)) >= settings.ipThrottleFailures) {
    await audit(ctx.db, 'auth.login', 'denied', { reason: 'ip_throttled' });
    throw tooMany('该地址登录失败次数过多，请 15 分钟后再试');
  }
  const [user] = await ctx.db.select().from(users).where(eq(users.username, username));
  const pair = await failureRow(ctx.db, username, addr);
  if (lockInForce(pair, now)) {
    await audit(ctx.db, 'auth.login', 'denied', { reason: 'locked' }, user);
    throw lockedError(pair?.lockedUntil as Date);
  }
  await refuseWhileSlowedDown(ctx, { username, addr, now, settings, user, audit });

  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !passwordOk) {
    await countIpFailure(ctx, ip, now);
    const { failures, lockedUntil } = await ctx.db.transaction(async (tx) => {
      const counted = await recordFailure(tx, username, addr, now, settings);
      await audit(
        tx,
        'auth.login',
        'failure',
        { reason: user ? 'bad_password' : 'unknown_user', failures: counted.failures },
        user,
      );
      if (counted.lockedUntil) {
        await audit(
          tx,
          'auth.lock',
          'success',
          { minutes: settings.lockoutMinutes, after: counted.failures, address: addr },
          user,
        );
      }
      if (user) await mirrorOnUser(tx, user, now, settings);
      return counted;
    });
    if (lockedUntil) throw lockedError(lockedUntil);
    throw wrongError(settings.lockoutThreshold - failures, settings.lockoutMinutes);
  }
  if (user.disabledAt) {
    await audit(ctx.db, 'auth.login', 'denied', { reason: 'disabled' }, user);
    throw new AppError(403, 'disabled', '账号已停用，请联系系统管理员');
  }
  return startSession(ctx, { user, ip, userAgent, now, settings, totpVerified: false, audit });
}

/** The account-wide slowdown, for addresses the account has not signed in from. */
async function refuseWhileSlowedDown(
  ctx: AppContext,
  o: {
    username: string;
    addr: string;
    now: Date;
    settings: SecuritySettings;
    user: User | undefined;
    audit: ReturnType<typeof loginAudit>;
  },
) {
  const wait = await slowdownSeconds(ctx.db, o.username, o.now, o.settings);
  if (wait === 0) return;
  if (o.user && (await knownAddress(ctx.db, o.user.id, o.addr, o.now))) return;
  await o.audit(ctx.db, 'auth.login', 'denied', { reason: 'slowed_down', wait }, o.user);
  throw new AppError(429, 'slowed_down', `该账号近期登录失败较多，请 ${wait} 秒后再试`);
}

/** A new session after the password (and, for the TOTP unlock, the code): this address's failures are forgotten. */
export async function startSession(
  ctx: AppContext,
  o: {
    user: User;
    ip: string | null;
    userAgent: string | null;
    now: Date;
    settings: SecuritySettings;
    totpVerified: boolean;
    audit: ReturnType<typeof loginAudit>;
    detail?: Record<string, unknown>;
    /** More writes of the same sign-in, in its transaction (the TOTP unlock's). */
    also?: (tx: Queryable) => Promise<void>;
  },
) {
  const { user, now } = o;
  return ctx.db.transaction(async (tx) => {
    await o.also?.(tx);
    const pending = await nextPendingStep(tx, user.id, {
      totpVerified: o.totpVerified,
      now,
      settings: o.settings,
    });
    await clearAddress(tx, user.username, addressOf(o.ip));
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await mirrorOnUser(tx, user, now, o.settings);
    const session = await createSession(tx, {
      userId: user.id,
      pending,
      ip: o.ip,
      userAgent: o.userAgent,
      now,
    });
    await o.audit(tx, 'auth.login', 'success', { pending, ...o.detail }, user);
    return { ...session, pending };
  });
}

async function ipFailures(ctx: AppContext, ip: string, now: Date): Promise<number> {
  const [row] = await ctx.db.select().from(loginThrottle).where(eq(loginThrottle.ip, ip));
  if (!row || now.getTime() - row.windowStart.getTime() > THROTTLE_WINDOW_MS) return 0;
  return row.failures;
}

export async function countIpFailure(ctx: AppContext, ip: string | null, now: Date): Promise<void> {
  if (!ip) return;
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  await ctx.db
    .insert(loginThrottle)
    .values({ ip, failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: loginThrottle.ip,
      set: {
        failures: sql`case when ${loginThrottle.windowStart} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStart: sql`case when ${loginThrottle.windowStart} < ${windowStart} then ${now} else ${loginThrottle.windowStart} end`,
      },
    });
}

export { ipFailures };
