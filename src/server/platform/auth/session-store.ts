import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DataScope } from '../../../domain/permissions.js';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { sessions } from './schema.js';

export const SESSION_COOKIE = 'jd_sid';
/**
 * When the caller last changed something (ms since the epoch), kept by the browser with a read
 * replica configured: the instance that answers the next read may hold a copy of the session row
 * older than the write (SessionCache), and the cookie travels to whichever instance answers.
 * Forging it can only send one's own reads to the primary.
 */
export const WROTE_COOKIE = 'jd_wrote';
export const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Queryable,
  opts: { userId: number; pending: Actor['pending']; ip: string | null; userAgent: string | null; now: Date },
): Promise<{ token: string; id: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const id = tokenId(token);
  await db.insert(sessions).values({
    id,
    userId: opts.userId,
    pending: opts.pending,
    csrfToken,
    ip: opts.ip,
    userAgent: opts.userAgent?.slice(0, 300) ?? null,
    createdAt: opts.now,
    lastSeenAt: opts.now,
  });
  return { token, id, csrfToken };
}

export interface SessionRow {
  id: string;
  pending: Actor['pending'];
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  ended_at: Date | null;
  last_write_at: Date | null;
  user_id: number;
  username: string;
  display_name: string;
  org_id: number;
  data_scope: DataScope;
  cadre_id: number | null;
  disabled_at: Date | null;
  org_path: string;
  /** What GET /me shows besides the actor, read in the same round trip. */
  org_name: string;
  totp_enabled_at: Date | null;
  password_changed_at: Date;
  password_reset_at: Date | null;
  password_reset_by: string | null;
  must_change_password: boolean;
  roles: string[];
  permissions: string[];
  related_cadre_ids: number[];
}

/** The session and everything the access checks need, in one round trip. */
export async function loadSession(db: Queryable, id: string): Promise<SessionRow | null> {
  const result = await db.execute(sql`
    select s.id, s.pending, s.csrf_token, s.created_at, s.last_seen_at, s.ended_at, s.last_write_at,
           u.id as user_id, u.username, u.display_name, u.org_id, u.data_scope, u.cadre_id, u.disabled_at,
           o.path as org_path, o.name as org_name,
           u.totp_enabled_at, u.password_changed_at, u.password_reset_at, u.password_reset_by,
           u.must_change_password,
           coalesce(array_agg(distinct r.code) filter (where r.code is not null), '{}') as roles,
           coalesce(array_agg(distinct rp.permission) filter (where rp.permission is not null), '{}') as permissions,
           array(select rc.cadre_id from recusals rc where rc.user_id = u.id) as related_cadre_ids
    from sessions s
    join users u on u.id = s.user_id
    join orgs o on o.id = u.org_id
    left join user_roles ur on ur.user_id = u.id
    left join roles r on r.id = ur.role_id
    left join role_permissions rp on rp.role_id = r.id
    where s.id = ${id}
    group by s.id, u.id, o.path, o.name`);
  const row = rowsOf<SessionRow>(result)[0];
  if (!row) return null;
  return {
    ...row,
    user_id: Number(row.user_id),
    org_id: Number(row.org_id),
    cadre_id: row.cadre_id == null ? null : Number(row.cadre_id),
    related_cadre_ids: (row.related_cadre_ids ?? []).map(Number),
    created_at: new Date(row.created_at),
    last_seen_at: new Date(row.last_seen_at),
    ended_at: row.ended_at ? new Date(row.ended_at) : null,
    last_write_at: row.last_write_at ? new Date(row.last_write_at) : null,
    disabled_at: row.disabled_at ? new Date(row.disabled_at) : null,
    totp_enabled_at: row.totp_enabled_at ? new Date(row.totp_enabled_at) : null,
    password_changed_at: new Date(row.password_changed_at),
    password_reset_at: row.password_reset_at ? new Date(row.password_reset_at) : null,
  };
}

export async function endSession(db: Queryable, id: string, now: Date, reason: string): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}

/** Ends every open session of a user (logout everywhere, disabling, password reset). Returns how many. */
export async function endUserSessions(
  db: Queryable,
  userId: number,
  now: Date,
  reason: string,
): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}

/** The session changed something now (kept only with a read replica: see read-context.ts). */
export async function markSessionWrite(ctx: AppContext, id: string): Promise<void> {
  await ctx.db.update(sessions).set({ lastWriteAt: ctx.clock.now() }).where(eq(sessions.id, id));
}
