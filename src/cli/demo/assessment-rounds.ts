import { and, eq, isNull } from 'drizzle-orm';
import { createDynamicRound } from '../../server/modules/assessments/create-dynamic-round.js';
import { createIndicatorSystemIn } from '../../server/modules/assessments/indicator-systems.js';
import { moveDynamicRound } from '../../server/modules/assessments/move-dynamic-round.js';
import { dynamicRounds as dynamicRoundsTable } from '../../server/modules/assessments/schema.js';
import { scoreDynamicRound } from '../../server/modules/assessments/score-dynamic-round.js';
import type { Actor } from '../../server/platform/access/actor.js';
import type { AppContext } from '../../server/platform/context.js';
import { orgs } from '../../server/platform/orgs/schema.js';
import { roles, userRoles, users } from '../../server/platform/users/schema.js';
import type { DemoRun } from './index.js';
import { demoActor } from './petition-life.js';

/** The heads of the two offices that supply the round's data: an account each (they score in 科室评分). */
const OFFICE_HEADS = [
  { office: '组织办', username: 'daxing_zzb_head', displayName: '周敏' },
  { office: '财政所', username: 'daxing_czs_head', displayName: '钱伟' },
] as const;

const ITEMS = [
  { key: '1', name: '基层党建', kind: 'score', weight: 40, maxPoints: 40, supplier: '组织办' },
  { key: '2', name: '经济发展', kind: 'score', weight: 30, maxPoints: 30, supplier: '财政所' },
  // 综治办 is no office of the township's: the organisers score it
  { key: '3', name: '社会治理', kind: 'score', weight: 30, maxPoints: 30, supplier: '综治办' },
  {
    key: 'K',
    name: '信访件超期办理扣分',
    kind: 'deduction',
    maxPoints: 6,
    auto: { source: 'overdue_petitions', pointsEach: 2 },
  },
] as const;

/**
 * 大兴镇's dynamic-assessment rounds (动态考核轮次), through the use cases, each step on its day: the
 * 2025 fourth quarter's round scored by the offices that supply the data and published on 19 January;
 * January 2026's round in 科室评分, its deadline (13 February) passed with 财政所 not done for the
 * last village — so the to-dos and the figures show an overdue stage. Each step only once its day
 * has come. Returns the rounds started.
 */
export async function dynamicRoundsDemo(
  demo: DemoRun,
  day: (on: string) => AppContext,
  org: Actor,
  townId: number,
  villages: { id: number }[],
  today: string,
): Promise<number> {
  if (today < '2026-01-19') return 0;
  const { tx } = demo;
  const heads: Actor[] = [];
  const [role] = await tx.select().from(roles).where(eq(roles.code, 'unit_head'));
  for (const h of OFFICE_HEADS) {
    const [office] = await tx
      .select()
      .from(orgs)
      .where(and(eq(orgs.parentId, townId), eq(orgs.name, h.office), isNull(orgs.deletedAt)));
    const [user] = await tx
      .insert(users)
      .values({
        username: h.username,
        displayName: h.displayName,
        orgId: office.id,
        dataScope: 'subtree',
        passwordHash: await demo.passwordHash(),
        passwordChangedAt: demo.now,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    await tx.insert(userRoles).values({ userId: user.id, roleId: role.id });
    const actor = await demoActor(tx, h.username);
    heads.push({ ...actor, permissions: new Set(['assessment.self_score']) });
  }
  const [party, finance] = heads;
  const system = async (year: number, title: string) =>
    createIndicatorSystemIn(tx, day(`${year}-01-04`), org, {
      orgId: townId,
      year,
      kind: 'unit',
      title,
      bonusCap: 5,
      deductionCap: 10,
      items: ITEMS.map((i) => ({ ...i })),
    });
  const move = async (on: string, id: number) => {
    const ctx = day(on);
    const [r] = await tx.select().from(dynamicRoundsTable).where(eq(dynamicRoundsTable.id, id));
    await moveDynamicRound({ ctx, actor: org, id, move: 'advance', version: r.version });
  };
  const score = async (on: string, who: Actor, id: number, unit: number, itemKey: string, points: number) => {
    const [r] = await tx.select().from(dynamicRoundsTable).where(eq(dynamicRoundsTable.id, id));
    await scoreDynamicRound({
      ctx: day(on),
      actor: who,
      id,
      input: {
        subjectOrgId: unit,
        version: r.version,
        lines: [{ itemKey, points, evidence: null, comment: null }],
      },
    });
  };

  // 2025 第四季度: started in January, each office scores its item, the organisers the rest, published
  const q4System = await system(2025, '2025 年村级季度动态考核指标');
  const q4 = await createDynamicRound({
    ctx: day('2026-01-04'),
    actor: org,
    input: {
      systemId: q4System.id,
      cadence: 'quarterly',
      period: '2025Q4',
      subjectOrgIds: villages.map((v) => v.id),
      deadlines: { self: '2026-01-08', scoring: '2026-01-15', review: '2026-01-20' },
    },
  });
  await move('2026-01-09', q4.id);
  for (const [i, v] of villages.entries()) {
    await score('2026-01-12', party, q4.id, v.id, '1', 37 - i * 2);
    await score('2026-01-13', finance, q4.id, v.id, '2', 27 - i);
    await score('2026-01-14', org, q4.id, v.id, '3', 26 + (i % 2));
  }
  await move('2026-01-16', q4.id);
  await move('2026-01-19', q4.id);
  if (today < '2026-02-14') return 1;

  // 2026 年 1 月: in 科室评分 past its deadline — 财政所 has not scored the last village
  const janSystem = await system(2026, '2026 年村级月度动态考核指标');
  const jan = await createDynamicRound({
    ctx: day('2026-02-02'),
    actor: org,
    input: {
      systemId: janSystem.id,
      cadence: 'monthly',
      period: '2026-01',
      subjectOrgIds: villages.map((v) => v.id),
      deadlines: { self: '2026-02-06', scoring: '2026-02-13', review: '2026-03-10' },
    },
  });
  await move('2026-02-09', jan.id);
  for (const [i, v] of villages.entries()) {
    await score('2026-02-11', party, jan.id, v.id, '1', 36 - i);
    if (i < villages.length - 1) await score('2026-02-12', finance, jan.id, v.id, '2', 26 - i);
    await score('2026-02-12', org, jan.id, v.id, '3', 27);
  }
  return 2;
}
