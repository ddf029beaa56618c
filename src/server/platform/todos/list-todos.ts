import { and, asc, count, desc, eq, ilike, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { chinaDate, dueState } from '../../../domain/todo-due.js';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { likePattern, offsetOf, type Page } from '../http/pagination.js';
import { orgs } from '../orgs/schema.js';
import type { TodoOut, todoListQuery } from './contract.js';
import { todos } from './schema.js';
import { mineFilter } from './visibility.js';

const SORTS = {
  dueOn: todos.dueOn,
  dueAt: todos.dueOn,
  createdAt: todos.createdAt,
  doneAt: todos.doneAt,
  title: todos.title,
};

/** The caller's to-dos: open ones soonest-due first (no due date last); done ones latest first. */
export async function listTodos(opts: {
  ctx: AppContext;
  actor: Actor;
  query: z.infer<typeof todoListQuery>;
}): Promise<Page<TodoOut>> {
  const { ctx, actor, query } = opts;
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const where = and(
    mineFilter(actor),
    eq(todos.status, query.status),
    query.overdue ? lt(todos.dueOn, today) : undefined,
    query.dueBy ? lte(todos.dueOn, query.dueBy) : undefined,
    query.q ? ilike(todos.title, likePattern(query.q)) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    ctx.db
      .select({ todo: todos, orgName: orgs.name })
      .from(todos)
      .leftJoin(orgs, eq(orgs.id, todos.orgId))
      .where(where)
      .orderBy(...ordering(query), asc(todos.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    ctx.db.select({ total: count() }).from(todos).where(where),
  ]);
  return {
    items: items.map((r) => toOut(r.todo, r.orgName, today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

function ordering(query: z.infer<typeof todoListQuery>): SQL[] {
  const col = SORTS[query.sort as keyof typeof SORTS];
  if (col) return [query.order === 'asc' ? sql`${col} asc nulls last` : sql`${col} desc nulls last`];
  return query.status === 'open' ? [sql`${todos.dueOn} asc nulls last`] : [desc(todos.doneAt)];
}

/** A to-do as the API shows it; `today` is the date in China by the server's clock. */
export function toOut(t: typeof todos.$inferSelect, orgName: string | null, today: string): TodoOut {
  const due = t.status === 'open' ? dueState(t.dueOn, today) : { state: 'none', overdueDays: 0 };
  return {
    id: t.id,
    title: t.title,
    recordType: t.recordType,
    recordId: t.recordId,
    link: t.link,
    orgId: t.orgId,
    orgName,
    assigneeUserId: t.assigneeUserId,
    assigneeRole: t.assigneeRole,
    dueOn: t.dueOn,
    kind: t.kind as TodoOut['kind'],
    status: t.status,
    createdAt: t.createdAt.toISOString(),
    doneAt: t.doneAt?.toISOString() ?? null,
    dueState: due.state,
    overdueDays: due.overdueDays,
  };
}
