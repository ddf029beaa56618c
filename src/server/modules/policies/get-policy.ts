import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { ratioPercent } from '../../../domain/figure-period.js';
import { latestVersion, type PolicyStatus } from '../../../domain/policy-library.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { rules } from '../../platform/rules/schema.js';
import { users } from '../../platform/users/schema.js';
import type { PolicyDetailOut } from './contract.js';
import { policyReadAssignments, policyReads } from './schema.js';
import { loadVisiblePolicy, mayManage, type Quiz, versionsOf } from './visibility.js';

/**
 * A policy with its versions (text, linked rules, quiz — the right answers only for those who
 * manage it) and, for those who manage it, its read assignments with coverage per org.
 */
export async function getPolicy(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
}): Promise<PolicyDetailOut> {
  const { ctx, actor, id } = opts;
  const db = ctx.db;
  const p = await loadVisiblePolicy(db, actor, id);
  const manage = await mayManage(db, actor, p);
  const versions = await versionsOf(db, id);
  const keys = [...new Set(versions.flatMap((v) => v.ruleKeys))];
  const ruleRows = keys.length
    ? await db
        .selectDistinctOn([rules.key], { key: rules.key, name: rules.name, source: rules.source })
        .from(rules)
        .where(inArray(rules.key, keys))
        .orderBy(rules.key, desc(rules.version))
    : [];
  const ruleByKey = new Map(ruleRows.map((r) => [r.key, r]));
  const authorIds = [...new Set(versions.map((v) => v.createdBy).filter((x): x is number => x != null))];
  const authors = authorIds.length
    ? await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, authorIds))
    : [];
  const authorName = new Map(authors.map((a) => [a.id, a.name]));
  const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, p.orgId));
  const latest = latestVersion(versions)!;
  const first = versions[0];
  return {
    id: p.id,
    orgId: p.orgId,
    orgName: org?.name ?? null,
    title: p.title,
    number: p.number,
    issuingBody: p.issuingBody,
    category: p.category,
    status: p.status as PolicyStatus,
    currentVersionNo: p.currentVersionNo,
    adoptedOn: latest.adoptedOn,
    effectiveOn: latest.effectiveOn,
    firstAdoptedOn: first.adoptedOn,
    repealedOn: p.repealedOn,
    version: p.version,
    canManage: manage,
    versions: versions.map((v) => {
      const quiz = v.quiz as Quiz | null;
      return {
        id: v.id,
        versionNo: v.versionNo,
        adoptedOn: v.adoptedOn,
        effectiveOn: v.effectiveOn,
        status: v.status as PolicyStatus,
        body: v.body,
        ruleKeys: v.ruleKeys,
        rules: v.ruleKeys.map((k) => ruleByKey.get(k) ?? { key: k, name: k, source: '' }),
        changeNote: v.changeNote,
        quiz: quiz
          ? {
              passMark: quiz.passMark,
              questions: quiz.questions.map((q) => ({
                question: q.question,
                options: q.options,
                answer: manage ? q.answer : null,
              })),
            }
          : null,
        createdByName: v.createdBy ? (authorName.get(v.createdBy) ?? null) : null,
        createdAt: v.createdAt.toISOString(),
      };
    }),
    assignments: manage ? await assignmentsOf(ctx, actor, id, versions) : [],
  };
}

async function assignmentsOf(
  ctx: AppContext,
  actor: Actor,
  policyId: number,
  versions: { id: number; versionNo: number }[],
) {
  const db = ctx.db;
  const list = await db
    .select({ a: policyReadAssignments, orgName: orgs.name })
    .from(policyReadAssignments)
    .leftJoin(orgs, eq(orgs.id, policyReadAssignments.orgId))
    .where(and(eq(policyReadAssignments.policyId, policyId), scopeFilter(actor, policyReadAssignments.orgId)))
    .orderBy(desc(policyReadAssignments.id));
  if (!list.length) return [];
  const counts = await db
    .select({
      assignmentId: policyReads.assignmentId,
      orgId: policyReads.orgId,
      orgName: orgs.name,
      due: count(),
      done: sql<number>`count(${policyReads.confirmedAt})`,
    })
    .from(policyReads)
    .innerJoin(orgs, eq(orgs.id, policyReads.orgId))
    .where(
      and(
        inArray(
          policyReads.assignmentId,
          list.map((l) => l.a.id),
        ),
        scopeFilter(actor, policyReads.orgId, policyReads.userId),
      ),
    )
    .groupBy(policyReads.assignmentId, policyReads.orgId, orgs.name, orgs.path)
    .orderBy(orgs.path);
  const versionNo = new Map(versions.map((v) => [v.id, v.versionNo]));
  return list.map(({ a, orgName }) => {
    const byOrg = counts
      .filter((c) => c.assignmentId === a.id)
      .map((c) => ({
        orgId: c.orgId,
        orgName: c.orgName,
        due: Number(c.due),
        done: Number(c.done),
        coverage: ratioPercent(Number(c.done), Number(c.due)),
      }));
    const due = byOrg.reduce((s, c) => s + c.due, 0);
    const done = byOrg.reduce((s, c) => s + c.done, 0);
    return {
      id: a.id,
      versionNo: versionNo.get(a.versionId) ?? 0,
      orgId: a.orgId,
      orgName,
      roles: a.roles,
      dueOn: a.dueOn,
      note: a.note,
      due,
      done,
      coverage: ratioPercent(done, due),
      byOrg,
    };
  });
}
