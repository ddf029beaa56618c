import { and, eq } from 'drizzle-orm';
import { addDays, chinaDate } from '../../domain/calendar.js';
import { assignReadingIn } from '../../server/modules/policies/assign-reading.js';
import { confirmReadIn } from '../../server/modules/policies/confirm-read.js';
import { createPolicyIn } from '../../server/modules/policies/create-policy.js';
import { revisePolicyIn } from '../../server/modules/policies/revise-policy.js';
import { policies, policyReadAssignments, policyReads } from '../../server/modules/policies/schema.js';
import { users } from '../../server/platform/users/schema.js';
import type { DemoStep } from './index.js';
import { daysOf, demoActor } from './petition-life.js';
import { TOWNSHIPS } from './platform-data.js';
import { DAXING_POLICIES, QINGSHAN_POLICIES } from './policy-texts.js';

/** Who reads late: every seventh person confirms a few weeks after the due date. */
const late = (i: number) => i % 7 === 3;
/** One person never confirms (the fourth on each list): coverage is high but not complete. */
const never = (i: number) => i === 3;

/**
 * The seed's 14 institutions for 大兴镇 (and two for 青山镇) through the policy use cases, each on
 * the day it was adopted: some before the demo year, some in it, 暂行规定 and 工作失误追究制 revised
 * in 2025; the 2025 versions given to the township to read, most people confirmed (some late, one never).
 */
export const policiesDemo: DemoStep = {
  name: 'policies',
  async loaded(tx) {
    const officer = await demoActor(tx, `${TOWNSHIPS[0].prefix}_org_officer`);
    const [row] = await tx
      .select({ id: policies.id })
      .from(policies)
      .where(and(eq(policies.orgId, officer.orgId), eq(policies.createdBy, officer.userId)))
      .limit(1);
    return !!row;
  },
  async run({ ctx, tx, now }) {
    const today = chinaDate(now);
    const day = await daysOf(ctx, tx, now);
    let made = 0;
    let assigned = 0;
    let confirmed = 0;
    for (const [t, list] of [DAXING_POLICIES, QINGSHAN_POLICIES].entries()) {
      const township = TOWNSHIPS[t];
      const officer = await demoActor(tx, `${township.prefix}_org_officer`);
      const issuing = t === 0 ? '中共大兴镇委员会' : '中共青山镇委员会';
      for (const p of list) {
        if (p.adoptedOn > today) continue;
        const id = await createPolicyIn(tx, day(p.adoptedOn), officer, {
          orgId: officer.orgId,
          title: p.title,
          number: p.number,
          issuingBody: issuing,
          category: p.category,
          adoptedOn: p.adoptedOn,
          effectiveOn: p.adoptedOn,
          body: p.body,
          ruleKeys: p.ruleKeys ?? [],
          quiz: p.revision ? null : (p.quiz ?? null),
          changeNote: null,
        });
        made++;
        let on = p.adoptedOn;
        if (p.revision && p.revision.adoptedOn <= today) {
          on = p.revision.adoptedOn;
          await revisePolicyIn(tx, day(on), officer, id, {
            adoptedOn: on,
            effectiveOn: on,
            body: p.revision.body,
            ruleKeys: p.ruleKeys ?? [],
            changeNote: p.revision.note,
            quiz: p.quiz ?? null,
            version: 1,
          });
        }
        if (on < '2025-01-01' || t !== 0) continue;
        confirmed += await assignAndRead(tx, day, officer, id, on, today);
        assigned++;
      }
    }
    return `制度汇编：${made} 项制度，${assigned} 次学习安排，${confirmed} 人次已确认学习`;
  },
};

/** Gives the township the version adopted on `on` to read within a month; most confirm within it, some late. */
async function assignAndRead(
  tx: Parameters<DemoStep['loaded']>[0],
  day: Awaited<ReturnType<typeof daysOf>>,
  officer: Awaited<ReturnType<typeof demoActor>>,
  id: number,
  on: string,
  today: string,
): Promise<number> {
  const dueOn = addDays(on, 30);
  const { assignmentId } = await assignReadingIn(tx, day(on), officer, id, {
    orgId: officer.orgId,
    roles: [],
    dueOn,
    note: '请各单位组织学习，全体干部确认学习',
  });
  const reads = await tx
    .select({ id: policyReads.id, userId: policyReads.userId })
    .from(policyReads)
    .where(eq(policyReads.assignmentId, assignmentId))
    .orderBy(policyReads.id);
  const [a] = await tx.select().from(policyReadAssignments).where(eq(policyReadAssignments.id, assignmentId));
  let n = 0;
  for (const [i, r] of reads.entries()) {
    if (never(i)) continue;
    const readOn = late(i + id)
      ? addDays(a.dueOn, 10 + ((i * 7 + id) % 40))
      : addDays(on, 2 + ((i * 5 + id) % 20));
    if (readOn > today) continue;
    const [u] = await tx.select({ username: users.username }).from(users).where(eq(users.id, r.userId));
    const reader = await demoActor(tx, u.username);
    const quiz = await confirmReadIn(tx, day(readOn), reader, r.id, [1]);
    if (!quiz.confirmed) continue;
    n++;
  }
  return n;
}
