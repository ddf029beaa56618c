import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { AppError, forbidden, unauthenticated } from '../http/errors.js';
import { sessions } from './schema.js';
import { securitySettings } from './security-settings.js';
import { endSession, loadSession, SESSION_COOKIE, tokenId, WROTE_COOKIE } from './session-store.js';

const TOUCH_EVERY_MS = 60_000;
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Finds the caller's session; ends it if it has timed out or its user was disabled. A safe request
 * may reuse the row loaded by a read of the last `SESSION_CACHE_MS` (see SessionCache); any other
 * request reads it afresh.
 */
export async function resolveActor(ctx: AppContext, req: FastifyRequest): Promise<Actor | null> {
  const token = req.cookies?.[SESSION_COOKIE];
  if (!token) return null;
  const id = tokenId(token);
  const now = ctx.clock.now();
  const cacheable = SAFE_METHODS.has(req.method);
  let row = cacheable ? ctx.sessions.get(id, now.getTime()) : undefined;
  if (!row) {
    const generation = ctx.sessions.generation;
    const loaded = await loadSession(ctx.db, id);
    if (!loaded || loaded.ended_at) return null;
    row = loaded;
    if (cacheable) ctx.sessions.set(id, row, now.getTime(), generation);
  }
  const s = await securitySettings(ctx.rules);
  const idle = now.getTime() - row.last_seen_at.getTime() > s.idleMinutes * 60_000;
  const absolute = now.getTime() - row.created_at.getTime() > s.absoluteHours * 3_600_000;
  if (idle || absolute || row.disabled_at) {
    ctx.sessions.forget(id);
    await endSession(
      ctx.db,
      id,
      now,
      row.disabled_at ? 'disabled' : idle ? 'idle_timeout' : 'absolute_timeout',
    );
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await ctx.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    row.last_seen_at = now;
  }
  (req as any).csrfToken = row.csrf_token;
  req.sessionRow = row;
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    orgId: row.org_id,
    orgPath: row.org_path,
    dataScope: row.data_scope,
    cadreId: row.cadre_id,
    roles: row.roles,
    permissions: new Set(row.permissions),
    relatedCadreIds: row.related_cadre_ids,
    sessionId: id,
    // this request itself may write: its reads stay on the primary
    lastWriteAt: SAFE_METHODS.has(req.method) ? lastWrite(row.last_write_at, req, now) : now,
    pending: row.pending,
    ip: req.ip,
  };
}

/** The later of the session row's last write and the one the caller's cookie says (never the future). */
export function lastWrite(fromRow: Date | null, req: FastifyRequest, now: Date): Date | null {
  const said = Number(req.cookies?.[WROTE_COOKIE]);
  if (!Number.isFinite(said) || said <= 0 || said > now.getTime()) return fromRow;
  return !fromRow || said > fromRow.getTime() ? new Date(said) : fromRow;
}

const PENDING_MESSAGES: Record<NonNullable<Actor['pending']>, string> = {
  password_change: '请先修改初始密码或已过期的密码',
  totp: '请先输入两步验证码',
  totp_enrol: '您的角色要求启用两步验证，请先完成绑定',
};

/** onRequest hook: who is calling, and may they call this route? Deny by default. */
export function accessHook(ctx: AppContext) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    req.actor = null;
    const access = req.routeOptions.config?.access;
    if (!req.routeOptions.url?.startsWith('/api/')) return; // static files and the SPA
    // the portal ties nothing to a user: a session the browser carries there is not even read
    req.actor = req.routeOptions.config?.portal && access === 'public' ? null : await resolveActor(ctx, req);
    if (access === 'public') return;
    const actor = req.actor;
    if (!actor) throw unauthenticated();
    if (actor.pending && !req.routeOptions.config?.allowPending) {
      throw new AppError(403, `pending_${actor.pending}`, PENDING_MESSAGES[actor.pending]);
    }
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== (req as any).csrfToken) {
      await recordAudit(ctx.db, ctx.clock, actor, {
        action: 'csrf.rejected',
        result: 'denied',
        detail: { url: req.url },
      });
      throw new AppError(403, 'csrf', '请求校验失败，请刷新页面后重试');
    }
    if (access === 'authenticated') return;
    // a list of permissions means any one of them (the use case checks the one each step needs)
    if (!access || ![access].flat().some((p) => actor.permissions.has(p))) {
      await recordAudit(ctx.db, ctx.clock, actor, {
        action: 'access.denied',
        result: 'denied',
        detail: { method: req.method, route: req.routeOptions.url, permission: access ?? null },
      });
      throw forbidden();
    }
  };
}
