import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { users } from '../../platform/users/schema.js';
import type { readersQuery } from './contract.js';
import { policyReadAssignments, policyReads } from './schema.js';
import { loadVisiblePolicy } from './visibility.js';

/** Who has (and has not) read an assignment, within the caller's scope; filter by org (its subtree) and state. */
export async function listReaders(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  assignmentId: number;
  query: z.infer<typeof readersQuery>;
}) {
  const { ctx, actor, id, assignmentId, query: q } = opts;
  await loadVisiblePolicy(ctx.db, actor, id);
  const [a] = await ctx.db
    .select({ id: policyReadAssignments.id })
    .from(policyReadAssignments)
    .where(and(eq(policyReadAssignments.id, assignmentId), eq(policyReadAssignments.policyId, id)));
  if (!a) throw notFound('学习安排不存在');
  let underPath: string | null = null;
  if (q.orgId) {
    const [o] = await ctx.db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, q.orgId));
    underPath = o?.path ?? '/none/';
  }
  const where = and(
    eq(policyReads.assignmentId, assignmentId),
    scopeFilter(actor, policyReads.orgId, policyReads.userId),
    q.read === 'yes'
      ? isNotNull(policyReads.confirmedAt)
      : q.read === 'no'
        ? isNull(policyReads.confirmedAt)
        : undefined,
    underPath ? sql`${orgs.path} like ${`${underPath}%`}` : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select({ r: policyReads, name: users.displayName, orgName: orgs.name })
      .from(policyReads)
      .innerJoin(users, eq(users.id, policyReads.userId))
      .innerJoin(orgs, eq(orgs.id, policyReads.orgId))
      .where(where)
      .orderBy(asc(orgs.path), asc(users.displayName), asc(policyReads.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ total: count() })
      .from(policyReads)
      .innerJoin(orgs, eq(orgs.id, policyReads.orgId))
      .where(where),
  ]);
  return {
    items: rows.map(({ r, name, orgName }) => ({
      readId: r.id,
      userId: r.userId,
      name,
      orgName,
      dueFrom: r.dueFrom,
      confirmedOn: r.confirmedOn,
      quizScore: r.quizScore,
    })),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}
