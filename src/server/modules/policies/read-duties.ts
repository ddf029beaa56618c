import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import { dueReaders } from '../../../domain/policy-library.js';
import type { Clock } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { orgs } from '../../platform/orgs/schema.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { rolePermissions, roles, userRoles, users } from '../../platform/users/schema.js';
import { policies, policyReadAssignments, policyReads, policyVersions } from './schema.js';

export const READ_TODO = 'policy_read';

// who has not yet read what is the readers list's business: those who manage the policies
registerTodoRecordType(READ_TODO, 'policy.manage');

interface AssignmentRow {
  id: number;
  orgId: number;
  roles: string[];
  dueOn: string;
  policyId: number;
}

/** The active users of an org subtree with their roles and whether they may read policies. */
async function readersUnder(db: Queryable, orgPath: string, onlyUserId?: number) {
  const rows = await db
    .select({
      userId: users.id,
      orgId: users.orgId,
      orgPath: orgs.path,
      roles: sql<string[]>`array_agg(distinct ${roles.code})`,
      canRead: sql<boolean>`bool_or(${rolePermissions.permission} is not null)`,
    })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .leftJoin(
      rolePermissions,
      and(eq(rolePermissions.roleId, roles.id), eq(rolePermissions.permission, 'policy.read')),
    )
    .where(
      and(
        sql`${orgs.path} like ${`${orgPath}%`}`,
        isNull(orgs.deletedAt),
        isNull(users.disabledAt),
        onlyUserId ? eq(users.id, onlyUserId) : undefined,
      ),
    )
    .groupBy(users.id, users.orgId, orgs.path);
  return rows;
}

/**
 * Makes every user due to read an assignment who is not yet (the people of the subtree, of the roles
 * named, who may read policies): one `policy_reads` row and one to-do each, due on the assignment's
 * date. Run when the assignment is made and again for people who joined later. Returns how many.
 */
export async function addDueReaders(
  db: Queryable,
  clock: Clock,
  a: AssignmentRow,
  onlyUserId?: number,
): Promise<number> {
  const [org] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, a.orgId));
  if (!org) return 0;
  const [p] = await db.select({ title: policies.title }).from(policies).where(eq(policies.id, a.policyId));
  const due = dueReaders({ orgPath: org.path, roles: a.roles }, await readersUnder(db, org.path, onlyUserId));
  if (!due.length) return 0;
  const today = chinaDate(clock.now());
  const added = await db
    .insert(policyReads)
    .values(due.map((u) => ({ assignmentId: a.id, userId: u.userId, orgId: u.orgId, dueFrom: today })))
    .onConflictDoNothing()
    .returning({ id: policyReads.id, userId: policyReads.userId, orgId: policyReads.orgId });
  for (const r of added)
    await createTodo(db, clock, {
      title: `学习制度《${p?.title ?? ''}》并确认`,
      recordType: READ_TODO,
      recordId: r.id,
      link: `/my-policies/${r.id}`,
      orgId: r.orgId,
      assigneeUserId: r.userId,
      dueOn: a.dueOn,
    });
  return added.length;
}

/**
 * People who joined an assigned org (or took an assigned role) after the assignment: they become
 * due too, while the assignment is still open (its due date not passed). For one user (when they
 * open 我的学习) or everyone (the hourly job). Returns how many were added.
 */
export async function syncReadDuties(db: Queryable, clock: Clock, onlyUserId?: number): Promise<number> {
  const today = chinaDate(clock.now());
  const open = await db
    .select({
      id: policyReadAssignments.id,
      orgId: policyReadAssignments.orgId,
      roles: policyReadAssignments.roles,
      dueOn: policyReadAssignments.dueOn,
      policyId: policyReadAssignments.policyId,
    })
    .from(policyReadAssignments)
    .innerJoin(policyVersions, eq(policyVersions.id, policyReadAssignments.versionId))
    .where(gte(policyReadAssignments.dueOn, today));
  let n = 0;
  for (const a of open) n += await addDueReaders(db, clock, a, onlyUserId);
  return n;
}
