import { and, count, desc, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { offsetOf, type Page } from '../http/pagination.js';
import type { notificationListQuery, notificationOut } from './contract.js';
import { notifications } from './schema.js';
import { myNotifications } from './visibility.js';

type NotificationOut = z.infer<typeof notificationOut>;

/** The caller's own notifications, newest first; none about a record the caller must recuse from. */
export async function listNotifications(opts: {
  ctx: AppContext;
  actor: Actor;
  query: z.infer<typeof notificationListQuery>;
}): Promise<Page<NotificationOut>> {
  const { ctx, actor, query } = opts;
  const where = and(myNotifications(actor), query.unread ? isNull(notifications.readAt) : undefined);
  const [items, [{ total }]] = await Promise.all([
    ctx.db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    ctx.db.select({ total: count() }).from(notifications).where(where),
  ]);
  return {
    items: items.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
