import { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import { AppError } from '../http/errors.js';
import { text } from '../http/text.js';
import type { App } from '../http/types.js';
import { actorOf } from '../http/types.js';
import { changePassword } from './change-password.js';
import { login } from './login.js';
import { describeMe } from './me.js';
import { endSession, endUserSessions, SESSION_COOKIE } from './session-store.js';
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment, verifyTotpStep } from './totp-steps.js';
import { unlockWithTotp } from './unlock-with-totp.js';

/** A half-signed-in session may only take its own step: a password alone never changes the password or the second factor. */
function stepAllowed(actor: Actor, steps: NonNullable<Actor['pending']>[]): Actor {
  if (actor.pending && !steps.includes(actor.pending))
    throw new AppError(403, `pending_${actor.pending}`, '请先完成登录验证步骤');
  return actor;
}

const pendingSchema = z.enum(['password_change', 'totp', 'totp_enrol']).nullable();
const code = text()
  .trim()
  .regex(/^\d{6}$/, '请输入 6 位数字验证码');

export async function authRoutes(app: App) {
  const { ctx } = app;
  const cookieOpts = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.config.secureCookies,
  };

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        body: z.object({
          username: text().trim().min(1, '请输入用户名').max(64),
          password: text().min(1, '请输入密码').max(128),
        }),
        response: { 200: z.object({ pending: pendingSchema, csrfToken: z.string() }) },
      },
      config: { access: 'public', audit: 'auth.login' },
    },
    async (req, reply) => {
      if (req.actor) await endSession(ctx.db, req.actor.sessionId, ctx.clock.now(), 'relogin');
      const s = await login({ ctx, ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      reply.setCookie(SESSION_COOKIE, s.token, cookieOpts);
      return { pending: s.pending, csrfToken: s.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/unlock',
    {
      schema: {
        tags: ['auth'],
        body: z.object({
          username: text().trim().min(1, '请输入用户名').max(64),
          password: text().min(1, '请输入密码').max(128),
          code,
        }),
        response: { 200: z.object({ pending: pendingSchema, csrfToken: z.string() }) },
      },
      config: { access: 'public', audit: 'auth.unlock' },
    },
    async (req, reply) => {
      if (req.actor) await endSession(ctx.db, req.actor.sessionId, ctx.clock.now(), 'relogin');
      const s = await unlockWithTotp({
        ctx,
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, s.token, cookieOpts);
      return { pending: s.pending, csrfToken: s.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: { tags: ['auth'] },
      config: { access: 'authenticated', allowPending: true, audit: 'auth.logout' },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await endSession(ctx.db, actor.sessionId, ctx.clock.now(), 'logout');
      await recordAudit(ctx.db, ctx.clock, actor, {
        action: 'auth.logout',
        objectType: 'user',
        objectId: actor.userId,
      });
      reply.clearCookie(SESSION_COOKIE, cookieOpts);
      return { ok: true };
    },
  );

  app.post(
    '/api/v1/auth/logout-all',
    {
      schema: { tags: ['auth'] },
      config: { access: 'authenticated', allowPending: true, audit: 'auth.logout_all' },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const ended = await endUserSessions(ctx.db, actor.userId, ctx.clock.now(), 'logout_all');
      await recordAudit(ctx.db, ctx.clock, actor, {
        action: 'auth.logout_all',
        objectType: 'user',
        objectId: actor.userId,
        detail: { ended },
      });
      reply.clearCookie(SESSION_COOKIE, cookieOpts);
      return { ended };
    },
  );

  app.get(
    '/api/v1/me',
    { schema: { tags: ['auth'] }, config: { access: 'authenticated', allowPending: true } },
    async (req) => {
      const actor = actorOf(req);
      if (!req.sessionRow) throw new Error('route reached without a session');
      return describeMe(actor, req.sessionRow);
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['auth'],
        body: z.object({
          current: text().min(1, '请输入当前密码').max(128),
          next: text().min(1, '请输入新密码').max(128),
        }),
      },
      config: { access: 'authenticated', allowPending: true, audit: 'auth.password_change' },
    },
    async (req) =>
      changePassword({ ctx, actor: stepAllowed(actorOf(req), ['password_change']), ...req.body }),
  );

  app.post(
    '/api/v1/me/totp/setup',
    {
      schema: { tags: ['auth'] },
      config: { access: 'authenticated', allowPending: true, audit: 'auth.totp_setup' },
    },
    async (req) => {
      const actor = stepAllowed(actorOf(req), ['totp_enrol']);
      return startTotpEnrolment({ ctx, actor });
    },
  );

  app.post(
    '/api/v1/me/totp/enable',
    {
      schema: { tags: ['auth'], body: z.object({ code }) },
      config: { access: 'authenticated', allowPending: true, audit: 'auth.totp_enable' },
    },
    async (req) =>
      confirmTotpEnrolment({ ctx, actor: stepAllowed(actorOf(req), ['totp_enrol']), code: req.body.code }),
  );

  app.post(
    '/api/v1/auth/totp',
    {
      schema: { tags: ['auth'], body: z.object({ code }) },
      config: { access: 'authenticated', allowPending: true, audit: 'auth.totp_verify' },
    },
    async (req) => verifyTotpStep({ ctx, actor: actorOf(req), code: req.body.code }),
  );

  app.post(
    '/api/v1/me/totp/disable',
    {
      schema: { tags: ['auth'], body: z.object({ password: text().min(1, '请输入密码').max(128) }) },
      config: { access: 'authenticated', audit: 'auth.totp_disable' },
    },
    async (req) => {
      await disableTotp({ ctx, actor: actorOf(req), password: req.body.password });
      return { ok: true };
    },
  );
}
