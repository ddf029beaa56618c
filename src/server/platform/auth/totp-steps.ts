import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { AppError, badRequest } from '../http/errors.js';
import { users } from '../users/schema.js';
import { verifyPassword } from './passwords.js';
import { mfaRequired, nextPendingStep } from './pending-step.js';
import { sessions } from './schema.js';
import { securitySettings } from './security-settings.js';
import { endSession } from './session-store.js';
import { newTotpSecret, totpAccepts, totpUri } from './totp.js';
import { clearTotpFailures, countTotpFailure, totpBlockedUntil, totpLockedError } from './totp-guard.js';

type Opts = { ctx: AppContext; actor: Actor };
const badCode = () => new AppError(400, 'bad_totp', '验证码不正确或已过期', { code: '验证码不正确或已过期' });

async function loadUser(ctx: AppContext, id: number) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, id));
  return user;
}

/** Starts enrolment: a fresh secret, kept encrypted, shown once as an otpauth URI for the authenticator app. */
export async function startTotpEnrolment({ ctx, actor }: Opts) {
  const user = await loadUser(ctx, actor.userId);
  if (user.totpEnabledAt) throw badRequest('两步验证已启用');
  const secret = newTotpSecret();
  await ctx.db
    .update(users)
    .set({ totpSecret: ctx.crypto.encrypt(secret) })
    .where(eq(users.id, user.id));
  return { secret, uri: totpUri(secret, user.username) };
}

/** Finishes enrolment with a first valid code. */
export async function confirmTotpEnrolment({ ctx, actor, code }: Opts & { code: string }) {
  const user = await loadUser(ctx, actor.userId);
  if (user.totpEnabledAt) throw badRequest('两步验证已启用');
  if (!user.totpSecret) throw badRequest('请先生成两步验证密钥');
  const now = ctx.clock.now();
  const step = totpAccepts(ctx.crypto.decrypt(user.totpSecret), code, now, user.totpLastStep);
  if (step === null) throw badCode();
  const settings = await securitySettings(ctx.rules);
  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabledAt: now, totpLastStep: step }).where(eq(users.id, user.id));
    const pending = await nextPendingStep(tx, user.id, { totpVerified: true, now, settings });
    await tx.update(sessions).set({ pending }).where(eq(sessions.id, actor.sessionId));
    await recordAudit(tx, ctx.clock, actor, {
      action: 'auth.totp_enable',
      objectType: 'user',
      objectId: user.id,
    });
    return { pending };
  });
}

/**
 * The login step for an enrolled user. Wrong codes are limited per half-signed-in session (the
 * session ends at the limit) and per account (the step pauses for the lockout minutes), audited.
 */
export async function verifyTotpStep({ ctx, actor, code }: Opts & { code: string }) {
  if (actor.pending !== 'totp') throw badRequest('当前无需输入两步验证码');
  const user = await loadUser(ctx, actor.userId);
  const now = ctx.clock.now();
  const settings = await securitySettings(ctx.rules);
  const blocked = await totpBlockedUntil(ctx.db, user.id, now);
  if (blocked) {
    await ctx.db.transaction(async (tx) => {
      await endSession(tx, actor.sessionId, now, 'totp_blocked');
      await recordAudit(tx, ctx.clock, actor, {
        action: 'auth.totp_verify',
        objectType: 'user',
        objectId: user.id,
        result: 'denied',
        detail: { reason: 'totp_blocked' },
      });
    });
    throw totpLockedError(blocked);
  }
  const step = user.totpSecret
    ? totpAccepts(ctx.crypto.decrypt(user.totpSecret), code, now, user.totpLastStep)
    : null;
  if (step === null) {
    const outcome = await ctx.db.transaction(async (tx) => {
      const [session] = await tx
        .update(sessions)
        .set({ totpFailures: sql`${sessions.totpFailures} + 1` })
        .where(eq(sessions.id, actor.sessionId))
        .returning({ attempts: sessions.totpFailures });
      const account = await countTotpFailure(tx, user.id, now, settings);
      await recordAudit(tx, ctx.clock, actor, {
        action: 'auth.totp_verify',
        objectType: 'user',
        objectId: user.id,
        result: 'failure',
        detail: { attempt: session.attempts, accountFailures: account.failures },
      });
      const ended = session.attempts >= settings.totpSessionAttempts || !!account.blockedUntil;
      if (ended) {
        await endSession(tx, actor.sessionId, now, 'totp_failures');
        await recordAudit(tx, ctx.clock, actor, {
          action: 'auth.totp_lockout',
          objectType: 'user',
          objectId: user.id,
          detail: {
            scope: account.blockedUntil ? 'account' : 'session',
            attempts: session.attempts,
            accountFailures: account.failures,
            until: account.blockedUntil?.toISOString() ?? null,
          },
        });
      }
      return {
        ended,
        left: settings.totpSessionAttempts - session.attempts,
        blockedUntil: account.blockedUntil,
      };
    });
    if (outcome.ended) throw totpLockedError(outcome.blockedUntil);
    throw new AppError(400, 'bad_totp', `验证码不正确或已过期，本次登录还可尝试 ${outcome.left} 次`, {
      code: '验证码不正确或已过期',
    });
  }
  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
    await clearTotpFailures(tx, user.id);
    const pending = await nextPendingStep(tx, user.id, { totpVerified: true, now, settings });
    await tx.update(sessions).set({ pending }).where(eq(sessions.id, actor.sessionId));
    await recordAudit(tx, ctx.clock, actor, {
      action: 'auth.totp_verify',
      objectType: 'user',
      objectId: user.id,
    });
    return { pending };
  });
}

/** Turns the second factor off, with the password; refused where a role of the user requires it. */
export async function disableTotp({ ctx, actor, password }: Opts & { password: string }) {
  const user = await loadUser(ctx, actor.userId);
  if (!(await verifyPassword(password, user.passwordHash)))
    throw badRequest('密码不正确', { password: '密码不正确' });
  if (await mfaRequired(ctx.db, user.id))
    throw new AppError(422, 'rule_violation', '您的角色要求启用两步验证，不能关闭');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpEnabledAt: null, totpSecret: null, totpLastStep: null })
      .where(eq(users.id, user.id));
    await recordAudit(tx, ctx.clock, actor, {
      action: 'auth.totp_disable',
      objectType: 'user',
      objectId: user.id,
    });
  });
}
