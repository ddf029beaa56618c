import { and, asc, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { notFound } from '../../platform/http/errors.js';
import type { myReadsQuery } from './contract.js';
import { syncReadDuties } from './read-duties.js';
import { policies, policyReadAssignments, policyReads, policyVersions } from './schema.js';
import type { Quiz } from './visibility.js';

const columns = {
  read: policyReads,
  title: policies.title,
  number: policies.number,
  issuingBody: policies.issuingBody,
  policyId: policies.id,
  versionNo: policyVersions.versionNo,
  body: policyVersions.body,
  quiz: policyVersions.quiz,
  dueOn: policyReadAssignments.dueOn,
};

const mine = (db: Queryable) =>
  db
    .select(columns)
    .from(policyReads)
    .innerJoin(policyReadAssignments, eq(policyReadAssignments.id, policyReads.assignmentId))
    .innerJoin(policyVersions, eq(policyVersions.id, policyReadAssignments.versionId))
    .innerJoin(policies, eq(policies.id, policyReadAssignments.policyId));

type Row = Awaited<ReturnType<ReturnType<typeof mine>['execute']>>[number];

const rowOut = (r: Row) => ({
  readId: r.read.id,
  policyId: r.policyId,
  title: r.title,
  number: r.number,
  versionNo: r.versionNo,
  dueOn: r.dueOn,
  confirmedOn: r.read.confirmedOn,
  quizScore: r.read.quizScore,
  hasQuiz: !!r.quiz,
});

/**
 * 我的学习: the policies assigned to the caller, unread first. Whoever joined an assigned org after
 * the assignment becomes due here (and gets the to-do) the first time they look.
 */
export async function myReads(opts: { ctx: AppContext; actor: Actor; query: z.infer<typeof myReadsQuery> }) {
  const { ctx, actor, query: q } = opts;
  await ctx.db.transaction((tx) => syncReadDuties(tx, ctx.clock, actor.userId));
  const where = and(
    eq(policyReads.userId, actor.userId),
    q.done === 'yes'
      ? isNotNull(policyReads.confirmedAt)
      : q.done === 'no'
        ? isNull(policyReads.confirmedAt)
        : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    mine(ctx.db)
      .where(where)
      .orderBy(
        sql`${policyReads.confirmedAt} is not null`,
        asc(policyReadAssignments.dueOn),
        desc(policyReads.id),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ total: count() }).from(policyReads).where(where),
  ]);
  return { items: rows.map(rowOut), total: Number(total), page: q.page, pageSize: q.pageSize };
}

/** One of the caller's reading duties: the text and the quiz without its answers. Another's: 404. */
export async function loadMyRead(db: Queryable, actor: Actor, readId: number) {
  const [r] = await mine(db).where(and(eq(policyReads.id, readId), eq(policyReads.userId, actor.userId)));
  if (!r) throw notFound('学习任务不存在');
  return r;
}

export async function getMyRead(opts: { ctx: AppContext; actor: Actor; readId: number }) {
  const r = await loadMyRead(opts.ctx.db, opts.actor, opts.readId);
  const quiz = r.quiz as Quiz | null;
  return {
    ...rowOut(r),
    issuingBody: r.issuingBody,
    body: r.body,
    passMark: quiz?.passMark ?? null,
    questions: (quiz?.questions ?? []).map((x) => ({ question: x.question, options: x.options })),
  };
}
