import { and, asc, eq, isNull, like } from 'drizzle-orm';
import type { BallotAnswers, Rating } from '../../domain/assessments/evaluation.js';
import { excellentMax } from '../../domain/assessments/grades.js';
import { addDays, chinaDate } from '../../domain/calendar.js';
import { confirmRecordIn } from '../../server/modules/accountability/confirm-record.js';
import { spendCodeIn } from '../../server/modules/assessments/cast-ballot.js';
import { closeEvaluationIn } from '../../server/modules/assessments/close-evaluation.js';
import { createEvaluationIn, issueCodesIn } from '../../server/modules/assessments/create-evaluation.js';
import { scoreUnitIn } from '../../server/modules/assessments/dynamic-score.js';
import { createIndicatorSystemIn } from '../../server/modules/assessments/indicator-systems.js';
import { principalLeaderOn } from '../../server/modules/assessments/principal-leader.js';
import { recordRoundIn } from '../../server/modules/assessments/record-round.js';
import { evaluations, lastPlaces } from '../../server/modules/assessments/schema.js';
import { setGradeIn } from '../../server/modules/assessments/set-grade.js';
import { cadres } from '../../server/modules/cadres/schema.js';
import type { Actor } from '../../server/platform/access/actor.js';
import type { AppContext } from '../../server/platform/context.js';
import type { Tx } from '../../server/platform/db/client.js';
import { orgs } from '../../server/platform/orgs/schema.js';
import { users } from '../../server/platform/users/schema.js';
import { dynamicRoundsDemo } from './assessment-rounds.js';
import type { DemoStep } from './index.js';
import { daysOf, demoActor } from './petition-life.js';
import { TOWNSHIPS } from './platform-data.js';

const withPermissions = (a: Actor, p: string[]): Actor => ({ ...a, permissions: new Set(p) });
const OFFICE = [
  'assessment.manage',
  'assessment.read',
  'cadre.read',
  'accountability.manage',
  'admonition.manage',
];

/** Two rounds of each kind of unit evaluation for the villages: [kind, title, day, index of the last village]. */
const ROUNDS: [string, string, string, 'twice' | 0 | 1][] = [
  ['target', '2025 年第一季度目标考评', '2025-04-15', 'twice'],
  ['site_visit', '2025 年上半年现场观摩', '2025-05-20', 0],
  ['conduct', '2025 年上半年行风评比', '2025-06-25', 1],
  ['target', '2025 年第二季度目标考评', '2025-07-15', 'twice'],
  ['site_visit', '2025 年下半年现场观摩', '2025-10-20', 1],
  ['conduct', '2025 年下半年行风评比', '2025-11-25', 0],
];

/** The evaluation whose result proposed one of the seed's admonitions (its talk: the admonitions step). */
export const EVALUATION = { heldOn: '2025-03-03', closedOn: '2025-03-05', electorate: 30, cast: 26, poor: 9 };

/**
 * 大兴镇's assessments of 2025 through the module's use cases, each on its day: two rounds of each
 * unit evaluation kind for its villages — one village last in both 目标考评 rounds, so its secretary
 * gets the 警告 and the grade cap; every 末位 proposal confirmed a week later by the discipline
 * officer — the dynamic-assessment rounds (`assessment-rounds.ts`), a democratic evaluation at which 9 of 26 ballots said 差 (its admonition is talked to and
 * tracked by the admonitions step), and the annual grades of 2025 within the 优秀 cap.
 */
export const assessmentsDemo: DemoStep = {
  name: 'assessments',
  async loaded(tx) {
    const [row] = await tx.select({ id: evaluations.id }).from(evaluations).limit(1);
    return !!row;
  },
  async run(demo) {
    const { ctx, tx, now } = demo;
    const today = chinaDate(now);
    const day = await daysOf(ctx, tx, now);
    const p = TOWNSHIPS[0].prefix;
    const org = withPermissions(await demoActor(tx, `${p}_org_officer`), OFFICE);
    const discipline = withPermissions(await demoActor(tx, `${p}_discipline_officer`), OFFICE);
    const [town] = await tx.select().from(orgs).where(eq(orgs.id, org.orgId));
    const villages = await tx
      .select()
      .from(orgs)
      .where(and(like(orgs.path, `${town.path}%`), eq(orgs.kind, 'village'), isNull(orgs.deletedAt)))
      .orderBy(asc(orgs.sort), asc(orgs.id));
    // the village last twice: one whose principal leader held the post on both days
    const twiceDays = ROUNDS.filter((r) => r[3] === 'twice').map((r) => r[2]);
    let twice = villages[villages.length - 1];
    for (const v of villages) {
      const leaders = await Promise.all(twiceDays.map((d) => principalLeaderOn(tx, v.id, d)));
      if (leaders.every((l) => l && l.cadreId === leaders[0]?.cadreId)) twice = v;
    }
    const others = villages.filter((v) => v.id !== twice.id);
    let rounds = 0;
    for (const [n, [kind, title, heldOn, lastOne]] of ROUNDS.entries()) {
      if (heldOn > today) continue;
      const last = lastOne === 'twice' ? twice : others[lastOne];
      const rest = villages.filter((v) => v.id !== last.id);
      const id = await recordRoundIn(tx, day(heldOn), org, {
        orgId: town.id,
        kind,
        peerGroup: 'village',
        title,
        heldOn,
        units: [
          ...rest.map((v, i) => ({ orgId: v.id, score: 95 - i * 3 - (n % 3), deduction: i, comment: null })),
          { orgId: last.id, score: 78 + (n % 4), deduction: 4, comment: '部分目标任务未完成' },
        ],
      });
      rounds++;
      const decidedOn = addDays(heldOn, 7);
      if (decidedOn > today) continue;
      for (const lp of await tx.select().from(lastPlaces).where(eq(lastPlaces.roundId, id)))
        if (lp.accountabilityRecordId)
          await confirmRecordIn(tx, day(decidedOn), discipline, lp.accountabilityRecordId, {
            version: 1,
            decidedOn,
            decidingBody: '中共大兴镇委员会',
          });
    }
    const scored = '2025-12-31' <= today ? await dynamicScores(ctx, tx, org, town.id, villages) : 0;
    const dynamicRounds = await dynamicRoundsDemo(demo, day, org, town.id, villages, today);
    const people = await townshipCadres(tx, town.path, org.cadreId);
    const ballots = await evaluation(tx, day, org, town.id, people[people.length - 2], today);
    const graded = '2025-12-26' <= today ? await grades(tx, day, org, town.path) : 0;
    return `考核：单位考评 ${rounds} 轮，动态考核 ${scored} 个村（动态考核轮次 ${dynamicRounds} 轮），民主测评 1 次（${ballots} 张测评票），2025 年度考核评定 ${graded} 人（大兴镇）`;
  },
};

async function townshipCadres(tx: Tx, townPath: string, except: number | null) {
  const linked = new Set((await tx.select({ id: users.cadreId }).from(users)).map((u) => u.id));
  const rows = await tx
    .select({ id: cadres.id, orgId: cadres.orgId, path: orgs.path })
    .from(cadres)
    .innerJoin(orgs, eq(orgs.id, cadres.orgId))
    .where(and(eq(cadres.source, 'demo'), isNull(cadres.deletedAt), eq(cadres.status, 'active')))
    .orderBy(asc(cadres.id));
  return rows
    .filter((r) => r.path.startsWith(townPath) && r.id !== except && !linked.has(r.id))
    .map((r) => r.id);
}

async function evaluation(
  tx: Tx,
  day: Awaited<ReturnType<typeof daysOf>>,
  org: Actor,
  orgId: number,
  subject: number,
  today: string,
): Promise<number> {
  if (EVALUATION.closedOn > today) return 0;
  const e = EVALUATION;
  const ctx = day(e.heldOn);
  const ev = await createEvaluationIn(tx, ctx, org, {
    orgId,
    title: '2025 年度干部民主测评',
    subjectKind: 'cadre',
    subjectCadreIds: [subject],
    electorate: e.electorate,
    heldOn: e.heldOn,
  });
  const { codes } = await issueCodesIn(tx, ctx, org, ev.id, e.electorate);
  const spread: Rating[] = ['好', '较好', '一般'];
  for (let i = 0; i < e.cast; i++) {
    const overall: Rating = i < e.poor ? '差' : spread[i % 3];
    const answers: BallotAnswers = {
      [subject]: {
        de: '较好',
        neng: '一般',
        qin: i < e.poor ? '差' : '较好',
        ji: overall,
        lian: '好',
        overall,
      },
    };
    await spendCodeIn(tx, ctx, codes[i], answers);
  }
  await closeEvaluationIn(tx, day(e.closedOn), org, ev.id, ev.version, e.closedOn);
  return e.cast;
}

/** 2025 年度考核: 优秀 up to the cap, the capped secretary 不称职, two 基本称职, the others 称职. */
async function grades(tx: Tx, day: Awaited<ReturnType<typeof daysOf>>, org: Actor, townPath: string) {
  const on = '2025-12-26';
  const ctx = day(on);
  const rows = await tx
    .select({ id: cadres.id, path: orgs.path })
    .from(cadres)
    .innerJoin(orgs, eq(orgs.id, cadres.orgId))
    .where(and(eq(cadres.status, 'active'), isNull(cadres.deletedAt)))
    .orderBy(asc(cadres.id));
  const ids = rows.filter((r) => r.path.startsWith(townPath)).map((r) => r.id);
  const capped = new Set(
    (
      await tx.select({ id: lastPlaces.cadreId }).from(lastPlaces).where(eq(lastPlaces.outcome, 'warning'))
    ).map((r) => r.id),
  );
  const percent = await ctx.rules.value<number>('review.excellent_cap', on);
  const rounding = await ctx.rules.value<'floor' | 'round' | 'ceil'>('review.excellent_cap_rounding', on);
  let excellent = excellentMax(ids.length, percent, rounding);
  let basic = 2;
  for (const id of ids) {
    const grade = capped.has(id) ? '不称职' : excellent-- > 0 ? '优秀' : basic-- > 0 ? '基本称职' : '称职';
    await setGradeIn(tx, ctx, org, {
      cadreId: id,
      year: 2025,
      grade,
      source: grade === '优秀' ? 'dynamic' : 'decision',
      decidedOn: on,
      note: capped.has(id) ? '所负责单位连续两次目标考评排名末位' : null,
    });
  }
  return ids.length;
}

/** 2025 村级动态考核: one indicator system, each village scored, 信访超期 deducted from its petitions. */
async function dynamicScores(
  base: AppContext,
  tx: Tx,
  org: Actor,
  townId: number,
  villages: { id: number }[],
): Promise<number> {
  const ctx: AppContext = { ...base, db: tx as unknown as AppContext['db'] };
  const system = await createIndicatorSystemIn(tx, ctx, org, {
    orgId: townId,
    year: 2025,
    kind: 'unit',
    title: '2025 年度村级动态考核指标',
    bonusCap: 5,
    deductionCap: 10,
    items: [
      { key: '1', name: '基层党建', kind: 'score', weight: 40, maxPoints: 40, supplier: '组织办' },
      { key: '2', name: '经济发展', kind: 'score', weight: 30, maxPoints: 30, supplier: '财政所' },
      { key: '3', name: '社会治理', kind: 'score', weight: 30, maxPoints: 30, supplier: '党政办' },
      { key: 'J', name: '工作创新加分', kind: 'bonus', maxPoints: 5 },
      {
        key: 'K',
        name: '信访件超期办理扣分',
        kind: 'deduction',
        maxPoints: 6,
        auto: { source: 'overdue_petitions', pointsEach: 2 },
      },
      { key: 'F', name: '发生重大安全生产事故', kind: 'veto', maxPoints: 1 },
    ],
  });
  for (const [i, v] of villages.entries())
    await scoreUnitIn(tx, ctx, org, {
      systemId: system.id,
      subjectOrgId: v.id,
      period: '2025年度',
      periodEnd: '2025-12-31',
      lines: [
        { itemKey: '1', points: 36 - i * 2, comment: '组织生活规范' },
        { itemKey: '2', points: 26 - i, comment: null },
        { itemKey: '3', points: 27 - i, comment: null },
        { itemKey: 'J', points: i === 0 ? 3 : 0, comment: i === 0 ? '村级集体经济增收' : null },
      ],
    });
  return villages.length;
}
