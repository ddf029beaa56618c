import { and, count, eq, gte, isNull, lt, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { DUE_SOON_MS } from '../../../domain/todo-due.js';
import { type Actor, can } from '../access/actor.js';
import type { AppContext } from '../context.js';
import type { todoSummary } from './contract.js';
import { notifications, todos } from './schema.js';
import { mineFilter, myNotifications } from './visibility.js';

/** The bell's numbers: open to-dos, those due within 3 days, those overdue, and unread notifications. */
export async function summarizeTodos(opts: {
  ctx: AppContext;
  actor: Actor;
}): Promise<z.infer<typeof todoSummary>> {
  const { ctx, actor } = opts;
  const now = ctx.clock.now();
  const soon = new Date(now.getTime() + DUE_SOON_MS);
  const [counts, [unread]] = await Promise.all([
    can(actor, 'todo.read')
      ? ctx.db
          .select({
            open: count(),
            dueSoon: count(sql`case when ${and(gte(todos.dueAt, now), lte(todos.dueAt, soon))} then 1 end`),
            overdue: count(sql`case when ${lt(todos.dueAt, now)} then 1 end`),
          })
          .from(todos)
          .where(and(mineFilter(actor), eq(todos.status, 'open')))
      : [{ open: 0, dueSoon: 0, overdue: 0 }],
    ctx.db
      .select({ n: count() })
      .from(notifications)
      .where(and(myNotifications(actor), isNull(notifications.readAt))),
  ]);
  return { ...counts[0], unreadNotifications: unread.n };
}
