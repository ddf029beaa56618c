import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { notFound, outOfScope } from '../http/errors.js';
import { notifications } from './schema.js';
import { myNotifications } from './visibility.js';

/**
 * Marks one of the caller's notifications read; someone else's, or one about a record the caller
 * must recuse from, is a 404 (audited). Reading twice is fine.
 */
export async function readNotification(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const [n] = await ctx.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.id, id));
  if (!n) throw notFound('通知不存在');
  const [mine] = await ctx.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, id), myNotifications(actor)));
  if (!mine) throw outOfScope();
  await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(and(eq(notifications.id, id), isNull(notifications.readAt)));
  return { ok: true };
}

/** Marks all the caller's unread notifications read (those the caller may see). */
export async function readAllNotifications(opts: { ctx: AppContext; actor: Actor }) {
  const { ctx, actor } = opts;
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(and(myNotifications(actor), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { ok: true, count: rows.length };
}
