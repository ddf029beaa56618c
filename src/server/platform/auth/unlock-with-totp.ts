import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { AppError, tooMany } from '../http/errors.js';
import { users } from '../users/schema.js';
import { countIpFailure, ipFailures, loginAudit, startSession } from './login.js';
import { addressOf, failureRow, lockInForce } from './login-guard.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';
import { loginFailures } from './schema.js';
import { securitySettings } from './security-settings.js';
import { totpAccepts } from './totp.js';
import { clearTotpFailures, countTotpFailure, totpBlockedUntil } from './totp-guard.js';

const wrong = () =>
  new AppError(
    401,
    'bad_unlock',
    '用户名、密码或验证码不正确（未启用两步验证的账号请换用其他设备登录或联系系统管理员解锁）',
  );

/**
 * The owner of an account lifts the lock of the address they are at with their password and a
 * second-factor code, and is signed in with both factors checked. The answer never says which of
 * the three was wrong, nor whether the account exists; attempts are limited per locked address
 * (the per-session TOTP limit) and, when the password was right, count against the account's
 * second-factor limit. See docs/decisions/login-throttling.md.
 */
export async function unlockWithTotp(opts: {
  ctx: AppContext;
  username: string;
  password: string;
  code: string;
  ip: string | null;
  userAgent: string | null;
}) {
  const { ctx, username, ip } = opts;
  const now = ctx.clock.now();
  const settings = await securitySettings(ctx.rules);
  const addr = addressOf(ip);
  const audit = loginAudit(username, ip, now);
  if (ip && (await ipFailures(ctx, ip, now)) >= settings.ipThrottleFailures) {
    await audit(ctx.db, 'auth.unlock', 'denied', { via: 'totp', reason: 'ip_throttled' });
    throw tooMany('该地址登录失败次数过多，请 15 分钟后再试');
  }
  const pair = await failureRow(ctx.db, username, addr);
  if (!pair || !lockInForce(pair, now)) {
    throw new AppError(409, 'not_locked', '此地址没有被暂停登录该账号，请直接登录');
  }
  if (pair.unlockFailures >= settings.totpSessionAttempts) {
    await audit(ctx.db, 'auth.unlock', 'denied', { via: 'totp', reason: 'too_many_attempts' });
    throw tooMany('解锁尝试次数过多，请等待锁定结束，或联系系统管理员解锁');
  }
  const [user] = await ctx.db.select().from(users).where(eq(users.username, username));
  const passwordOk = (await verifyPassword(opts.password, user?.passwordHash ?? DUMMY_HASH)) && !!user;
  const enrolled = passwordOk && !!user?.totpEnabledAt && !!user.totpSecret;
  const blocked = enrolled ? await totpBlockedUntil(ctx.db, user.id, now) : null;
  const step =
    enrolled && !blocked
      ? totpAccepts(ctx.crypto.decrypt(user.totpSecret as string), opts.code, now, user.totpLastStep)
      : null;
  if (!user || step === null) {
    const reason = !user
      ? 'unknown_user'
      : !passwordOk
        ? 'bad_password'
        : !enrolled
          ? 'no_totp'
          : blocked
            ? 'totp_blocked'
            : 'bad_code';
    await countIpFailure(ctx, ip, now);
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(loginFailures)
        .set({ unlockFailures: sql`${loginFailures.unlockFailures} + 1` })
        .where(and(eq(loginFailures.username, username), eq(loginFailures.ip, addr)));
      if (reason === 'bad_code') await countTotpFailure(tx, user.id, now, settings);
      await audit(tx, 'auth.unlock', 'failure', { via: 'totp', reason, address: addr }, user);
    });
    throw wrong();
  }
  if (user.disabledAt) {
    await audit(ctx.db, 'auth.login', 'denied', { reason: 'disabled' }, user);
    throw new AppError(403, 'disabled', '账号已停用，请联系系统管理员');
  }
  return startSession(ctx, {
    user,
    ip,
    userAgent: opts.userAgent,
    now,
    settings,
    totpVerified: true,
    audit,
    detail: { via: 'totp_unlock' },
    also: async (tx) => {
      await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
      await clearTotpFailures(tx, user.id);
      await audit(
        tx,
        'auth.unlock',
        'success',
        { via: 'totp', address: addr, lockedUntil: pair.lockedUntil },
        user,
      );
    },
  });
}
