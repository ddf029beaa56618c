import { and, asc, eq, gt, isNotNull, isNull, lt, lte } from 'drizzle-orm';
import { chinaDate, daysPastDue, endOfChinaDay } from '../../../domain/todo-due.js';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { orgs } from '../orgs/schema.js';
import { roles, users } from '../users/schema.js';
import { notifyUsers } from './notify.js';
import { leadershipOf, roleHolders, userRecipient } from './recipients.js';
import { todos } from './schema.js';

type Todo = typeof todos.$inferSelect;
const BATCH = 200;

/**
 * Reminds assignees of open to-dos due by the end of the next working day, and tells the township
 * leadership of overdue ones — never anyone who must recuse from the to-do's subject cadres
 * (`notifyUsers` drops them). Each to-do is stamped (reminded_at / escalated_at) in the transaction
 * that writes its notifications, by a conditional update: a second run, or a second instance, sends nothing again.
 */
export async function sweepReminders(ctx: AppContext): Promise<{ reminded: number; escalated: number }> {
  const now = ctx.clock.now();
  const horizon = endOfChinaDay(await ctx.calendar.addWorkingDays(chinaDate(now), 1));
  const reminded = await sweep(ctx, and(isNull(todos.remindedAt), lte(todos.dueAt, horizon)), remind);
  const escalated = await sweep(ctx, and(isNull(todos.escalatedAt), lt(todos.dueAt, now)), escalate);
  return { reminded, escalated };
}

async function sweep(
  ctx: AppContext,
  condition: ReturnType<typeof and>,
  handle: (ctx: AppContext, tx: Tx, todo: Todo) => Promise<boolean>,
): Promise<number> {
  let handled = 0;
  let afterId = 0;
  for (;;) {
    const batch = await ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.status, 'open'), isNotNull(todos.dueAt), condition, gt(todos.id, afterId)))
      .orderBy(asc(todos.id))
      .limit(BATCH);
    for (const todo of batch) {
      if (await ctx.db.transaction((tx) => handle(ctx, tx, todo))) handled++;
    }
    if (batch.length < BATCH) return handled;
    afterId = batch[batch.length - 1].id;
  }
}

async function remind(ctx: AppContext, tx: Tx, todo: Todo): Promise<boolean> {
  const now = ctx.clock.now();
  const [claimed] = await tx
    .update(todos)
    .set({ remindedAt: now })
    .where(and(eq(todos.id, todo.id), isNull(todos.remindedAt), eq(todos.status, 'open')))
    .returning({ id: todos.id });
  if (!claimed) return false;
  const org = await orgOf(tx, todo.orgId);
  const recipients = todo.assigneeUserId
    ? await userRecipient(tx, todo.assigneeUserId)
    : await roleHolders(tx, todo.assigneeRole ?? '', org, todo.subjectCadreIds);
  const due = todo.dueOn!;
  const overdue = todo.dueAt! < now;
  await notifyUsers(tx, ctx.clock, recipients, {
    title: `${overdue ? '待办已逾期' : '待办即将到期'}：${todo.title}`,
    body: overdue
      ? `待办“${todo.title}”（${org.name}）截止日期为 ${due}，已逾期，请尽快办理。`
      : `待办“${todo.title}”（${org.name}）截止日期为 ${due}，请及时办理。`,
    link: todo.link ?? '/todos',
    subjectCadreIds: todo.subjectCadreIds,
  });
  return true;
}

async function escalate(ctx: AppContext, tx: Tx, todo: Todo): Promise<boolean> {
  const now = ctx.clock.now();
  const [claimed] = await tx
    .update(todos)
    .set({ escalatedAt: now })
    .where(and(eq(todos.id, todo.id), isNull(todos.escalatedAt), eq(todos.status, 'open')))
    .returning({ id: todos.id });
  if (!claimed) return false;
  const org = await orgOf(tx, todo.orgId);
  const who = await assigneeName(tx, todo);
  await notifyUsers(tx, ctx.clock, await leadershipOf(tx, org), {
    title: `待办已逾期：${todo.title}`,
    body: `${org.name}的待办“${todo.title}”（承办：${who}）截止日期为 ${todo.dueOn}，逾期 ${daysPastDue(todo.dueOn!, chinaDate(now))} 天仍未办结，请督促办理。`,
    link: todo.link ?? '/todos',
    subjectCadreIds: todo.subjectCadreIds,
  });
  return true;
}

async function orgOf(tx: Tx, id: number) {
  const [org] = await tx
    .select({ id: orgs.id, path: orgs.path, name: orgs.name })
    .from(orgs)
    .where(eq(orgs.id, id));
  return org ?? { id, path: '', name: '未知单位' };
}

async function assigneeName(tx: Tx, todo: Todo): Promise<string> {
  if (todo.assigneeUserId) {
    const [u] = await tx
      .select({ n: users.displayName })
      .from(users)
      .where(eq(users.id, todo.assigneeUserId));
    return u?.n ?? '未知用户';
  }
  const [r] = await tx
    .select({ n: roles.name })
    .from(roles)
    .where(eq(roles.code, todo.assigneeRole ?? ''));
  return r?.n ?? todo.assigneeRole ?? '';
}
