import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import { sessions } from '../auth/schema.js';
import { securitySettings } from '../auth/security-settings.js';
import { endUserSessions } from '../auth/session-store.js';
import type { AppContext } from '../context.js';
import { forbidden } from '../http/errors.js';
import { loadUser } from './load-user.js';

/** A user's sessions that are still open (not ended, not timed out), newest first; ids stay on the server. */
export async function listUserSessions(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  await loadUser(ctx.db, actor, id);
  const now = ctx.clock.now().getTime();
  const s = await securitySettings(ctx.rules);
  const rows = await ctx.db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, id),
        isNull(sessions.endedAt),
        gt(sessions.lastSeenAt, new Date(now - s.idleMinutes * 60_000)),
        gt(sessions.createdAt, new Date(now - s.absoluteHours * 3_600_000)),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((r) => ({
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    ip: r.ip,
    userAgent: r.userAgent,
    pending: r.pending,
    current: r.id === actor.sessionId,
  }));
}

/** Ends every session of another user at once (强制下线); the user must sign in again. */
export async function endSessionsOf(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  await loadUser(ctx.db, actor, id);
  if (id === actor.userId) throw forbidden('不能强制下线自己，请使用“退出所有设备”');
  return ctx.db.transaction(async (tx) => {
    const ended = await endUserSessions(tx, id, ctx.clock.now(), 'ended_by_admin');
    await recordAudit(tx, ctx.clock, actor, {
      action: 'user.end_sessions',
      objectType: 'user',
      objectId: id,
      detail: { ended },
    });
    return { ended };
  });
}
