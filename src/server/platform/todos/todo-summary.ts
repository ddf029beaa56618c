import { and, count, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { addDays } from '../../../domain/calendar.js';
import { chinaDate, DUE_SOON_DAYS } from '../../../domain/todo-due.js';
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
  const today = chinaDate(ctx.clock.now());
  const soonBefore = addDays(today, DUE_SOON_DAYS);
  const [counts, [unread]] = await Promise.all([
    can(actor, 'todo.read')
      ? ctx.db
          .select({
            open: count(),
            dueSoon: count(
              sql`case when ${and(gte(todos.dueOn, today), lt(todos.dueOn, soonBefore))} then 1 end`,
            ),
            overdue: count(sql`case when ${lt(todos.dueOn, today)} then 1 end`),
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
