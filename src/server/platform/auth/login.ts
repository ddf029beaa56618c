import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/client.js';
import { AppError, tooMany } from '../http/errors.js';
import { users } from '../users/schema.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';
import { nextPendingStep } from './pending-step.js';
import { loginThrottle } from './schema.js';
import { securitySettings } from './security-settings.js';
import { createSession } from './session-store.js';

const THROTTLE_WINDOW_MS = 15 * 60_000;
const wrong = () => new AppError(401, 'bad_credentials', '用户名或密码错误');

export interface LoginInput {
  ctx: AppContext;
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export async function login({ ctx, username, password, ip, userAgent }: LoginInput) {
  const now = ctx.clock.now();
  const settings = await securitySettings(ctx.rules);
  type User = typeof users.$inferSelect;
  const audit = (
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

  if (ip && (await ipFailures(ctx, ip, now)) >= settings.ipThrottleFailures) {
    await audit(ctx.db, 'auth.login', 'denied', { reason: 'ip_throttled' });
    throw tooMany('该地址登录失败次数过多，请 15 分钟后再试');
  }
  const [user] = await ctx.db.select().from(users).where(eq(users.username, username));
  if (!user) {
    await verifyPassword(password, DUMMY_HASH);
    await countIpFailure(ctx, ip, now);
    await audit(ctx.db, 'auth.login', 'failure', { reason: 'unknown_user' });
    throw wrong();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await audit(ctx.db, 'auth.login', 'denied', { reason: 'locked' }, user);
    const until = user.lockedUntil.toLocaleTimeString('zh-CN', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Shanghai',
    });
    throw new AppError(423, 'locked', `账号已锁定，请于 ${until} 后重试，或联系系统管理员解锁`);
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    await countIpFailure(ctx, ip, now);
    await ctx.db.transaction(async (tx) => {
      const failures = user.failedLogins + 1;
      const lock = failures >= settings.lockoutThreshold;
      await tx
        .update(users)
        .set({
          failedLogins: lock ? 0 : failures,
          lockedUntil: lock ? new Date(now.getTime() + settings.lockoutMinutes * 60_000) : user.lockedUntil,
        })
        .where(eq(users.id, user.id));
      await audit(tx, 'auth.login', 'failure', { reason: 'bad_password', failures }, user);
      if (lock) {
        await audit(tx, 'auth.lock', 'success', { minutes: settings.lockoutMinutes, after: failures }, user);
      }
    });
    const left = settings.lockoutThreshold - ((user.failedLogins + 1) % settings.lockoutThreshold);
    if (user.failedLogins + 1 >= settings.lockoutThreshold) {
      throw new AppError(
        423,
        'locked',
        `密码连续错误 ${settings.lockoutThreshold} 次，账号已锁定 ${settings.lockoutMinutes} 分钟`,
      );
    }
    throw new AppError(401, 'bad_credentials', `用户名或密码错误，再错 ${left} 次账号将被锁定`);
  }
  if (user.disabledAt) {
    await audit(ctx.db, 'auth.login', 'denied', { reason: 'disabled' }, user);
    throw new AppError(403, 'disabled', '账号已停用，请联系系统管理员');
  }
  const pending = await nextPendingStep(ctx.db, user.id, { totpVerified: false, now, settings });
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id));
    const session = await createSession(tx, { userId: user.id, pending, ip, userAgent, now });
    await audit(tx, 'auth.login', 'success', { pending }, user);
    return { ...session, pending };
  });
}

async function ipFailures(ctx: AppContext, ip: string, now: Date): Promise<number> {
  const [row] = await ctx.db.select().from(loginThrottle).where(eq(loginThrottle.ip, ip));
  if (!row || now.getTime() - row.windowStart.getTime() > THROTTLE_WINDOW_MS) return 0;
  return row.failures;
}

async function countIpFailure(ctx: AppContext, ip: string | null, now: Date): Promise<void> {
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
