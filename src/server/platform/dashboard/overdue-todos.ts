import { and, asc, count, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { dueState } from '../../../domain/todo-due.js';
import { recusalArrayFilter } from '../access/recusal.js';
import { scopeFilter } from '../access/scope.js';
import { labelSlices, sliceKeySql } from '../figures/breakdown.js';
import type { FigureScope } from '../figures/registry.js';
import { orgs } from '../orgs/schema.js';
import { readableTodoTypeFilter } from '../todos/record-types.js';
import { todos } from '../todos/schema.js';
import { roles, users } from '../users/schema.js';
import type { DashboardOut } from './contract.js';

const LATE_ROWS = 50;
const PEOPLE = 20;

/**
 * The open workflow to-dos of the org subtree, as they stand today (a to-do has no history, so no
 * as-of date): how many, how many overdue, by child org and by whom they wait on, and the overdue
 * ones — who is late on what — most overdue first.
 *
 * Which to-dos: at an org of the asked subtree inside the caller's data scope, of the workflow
 * (a personal reminder is its writer's own business), and never one about a cadre the caller must
 * recuse from — the recusal condition of the to-do list itself, so a recused case's title does not
 * reach the dashboard either — and only of record types the caller may open (a petition's to-do
 * names its case: someone without petition.read sees neither its title nor its count).
 */
export async function overdueTodos(scope: FigureScope): Promise<DashboardOut['todos']> {
  const { db, actor, today } = scope;
  const where = and(
    eq(todos.status, 'open'),
    eq(todos.kind, 'step'),
    inArray(
      todos.orgId,
      sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`,
    ),
    scopeFilter(actor, todos.orgId),
    recusalArrayFilter(actor, todos.subjectCadreIds),
    readableTodoTypeFilter(actor, todos.recordType),
  )!;
  const late = and(where, lt(todos.dueOn, today))!;
  const slice = sliceKeySql(scope, 'org', { org: todos.orgId });
  const byOrgRows = await db
    .select({
      s: slice,
      open: count(),
      overdue: sql<number>`count(*) filter (where ${todos.dueOn} < ${today})::int`,
    })
    .from(todos)
    .where(where)
    .groupBy(sql`1`);
  const openOf = new Map(byOrgRows.map((r) => [String(r.s), Number(r.open)]));
  const byOrg = (
    await labelSlices(
      scope,
      'org',
      byOrgRows.map((r) => ({ key: String(r.s), value: Number(r.overdue) })),
    )
  ).map((g) => ({ key: g.key, label: g.label, open: openOf.get(g.key) ?? 0, overdue: g.value }));
  // a slice of nothing open and nothing late (a child org without to-dos) still shows, as 0 / 0
  for (const [key, open] of openOf)
    if (!byOrg.some((g) => g.key === key)) byOrg.push({ key, label: key, open, overdue: 0 });

  const assignee = assigneeLabel();
  const people = await db
    .select({
      userId: todos.assigneeUserId,
      role: todos.assigneeRole,
      orgId: todos.orgId,
      label: assignee,
      n: count(),
    })
    .from(todos)
    .leftJoin(users, eq(users.id, todos.assigneeUserId))
    .leftJoin(roles, eq(roles.code, todos.assigneeRole))
    .leftJoin(orgs, eq(orgs.id, todos.orgId))
    .where(late)
    .groupBy(todos.assigneeUserId, todos.assigneeRole, todos.orgId, assignee)
    .orderBy(sql`count(*) desc`, asc(assignee))
    .limit(PEOPLE);

  const rows = await db
    .select({
      id: todos.id,
      title: todos.title,
      link: todos.link,
      orgName: orgs.name,
      assignee,
      dueOn: todos.dueOn,
    })
    .from(todos)
    .leftJoin(users, eq(users.id, todos.assigneeUserId))
    .leftJoin(roles, eq(roles.code, todos.assigneeRole))
    .leftJoin(orgs, eq(orgs.id, todos.orgId))
    .where(late)
    .orderBy(asc(todos.dueOn), asc(todos.id))
    .limit(LATE_ROWS);

  return {
    today,
    open: byOrgRows.reduce((n, r) => n + Number(r.open), 0),
    overdue: byOrgRows.reduce((n, r) => n + Number(r.overdue), 0),
    byOrg,
    byPerson: people.map((p) => ({
      key: p.userId !== null ? `user:${p.userId}` : `role:${p.role}@${p.orgId}`,
      label: p.label,
      overdue: Number(p.n),
    })),
    late: rows.map((r) => ({
      id: r.id,
      title: r.title,
      link: r.link,
      orgName: r.orgName,
      assignee: r.assignee,
      dueOn: r.dueOn!,
      overdueDays: dueState(r.dueOn, today).overdueDays,
    })),
  };
}

/** Whom a to-do waits on, in words: the named user, or the role at its org (镇长（大兴镇）). */
function assigneeLabel(): SQL<string> {
  return sql<string>`coalesce(${users.displayName},
    coalesce(${roles.name}, ${todos.assigneeRole}, '未指定') || '（' || coalesce(${orgs.name}, '') || '）')`;
}
