import { and, asc, eq, gte, isNull, like, or } from 'drizzle-orm';
import { chinaDate } from '../../domain/calendar.js';
import { cadres, tenures } from '../../server/modules/cadres/schema.js';
import { addProgressIn } from '../../server/modules/pledges/add-progress.js';
import { createPledgeIn } from '../../server/modules/pledges/create-pledge.js';
import { recordAppraisalIn } from '../../server/modules/pledges/record-appraisal.js';
import { recordReport } from '../../server/modules/pledges/record-report.js';
import { pledgeItems, pledges } from '../../server/modules/pledges/schema.js';
import type { Actor } from '../../server/platform/access/actor.js';
import { orgs } from '../../server/platform/orgs/schema.js';
import type { DemoStep } from './index.js';
import { daysOf, demoActor } from './petition-life.js';
import { TOWNSHIPS } from './platform-data.js';

const withPermissions = (a: Actor, p: string[]): Actor => ({ ...a, permissions: new Set(p) });

/** What a village cadre pledges for 2025: three measurable items, the road one weighted double. */
const ITEMS = [
  {
    key: 'road',
    title: '硬化村组道路',
    target: '完成 2 公里村组道路硬化并通过验收',
    dueOn: '2025-10-31',
    weight: 2,
  },
  {
    key: 'income',
    title: '壮大村集体经济',
    target: '村集体经营性收入达到 10 万元',
    dueOn: '2025-12-31',
    weight: 1,
  },
  {
    key: 'open',
    title: '村务按时公开',
    target: '每月 10 日前公开上月财务收支，全年无逾期',
    dueOn: '2025-12-31',
    weight: 1,
  },
];

/**
 * 任期承诺 for 大兴镇's village cadres in 2025, through the module's use cases on their days: each
 * current village tenure pledges three items in January, progress entered through the year (most
 * fulfilled, some partly), the 述诺 at year end and the villagers' 评诺 tallies in January 2026 — one
 * failing (不满意 at or above the threshold), which opens an admonition talk.
 */
export const pledgesDemo: DemoStep = {
  name: 'pledges',
  async loaded(tx) {
    const officer = await demoActor(tx, `${TOWNSHIPS[0].prefix}_org_officer`);
    const [row] = await tx
      .select({ id: pledges.id })
      .from(pledges)
      .where(eq(pledges.createdBy, officer.userId))
      .limit(1);
    return !!row;
  },
  async run({ ctx: base, tx, now }) {
    const today = chinaDate(now);
    const day = await daysOf(base, tx, now);
    const officer = withPermissions(await demoActor(tx, `${TOWNSHIPS[0].prefix}_org_officer`), [
      'pledge.read',
      'pledge.manage',
      'admonition.manage',
    ]);
    const list = await tx
      .select({ t: tenures, village: orgs.name, cadre: cadres.name })
      .from(tenures)
      .innerJoin(orgs, eq(orgs.id, tenures.orgId))
      .innerJoin(cadres, eq(cadres.id, tenures.cadreId))
      .where(
        and(
          eq(orgs.kind, 'village'),
          like(orgs.path, `${officer.orgPath}%`),
          isNull(cadres.deletedAt),
          or(isNull(tenures.endDate), gte(tenures.endDate, '2026-03-01')),
        ),
      )
      .orderBy(asc(orgs.path), asc(tenures.id));
    let made = 0;
    let failed = 0;
    for (const [i, { t, village, cadre }] of list.entries()) {
      if (t.startDate > '2025-01-15') continue;
      const pledgedOn = '2025-01-15';
      const id = await createPledgeIn(tx, day(pledgedOn), officer, {
        tenureId: t.id,
        title: `${village}${t.title}${cadre}2025年度任期承诺`,
        pledgedOn,
        items: ITEMS,
      });
      made++;
      const items = await tx
        .select()
        .from(pledgeItems)
        .where(eq(pledgeItems.pledgeId, id))
        .orderBy(asc(pledgeItems.sort));
      const byKey = (k: string) => items[ITEMS.findIndex((x) => x.key === k)].id;
      // most finish; every fourth cadre's road is left at 60%, every fifth's income at 80%
      const road = i % 4 === 2 ? [30, 60] : [40, 100];
      const income = i % 5 === 1 ? [50, 80] : [60, 100];
      const steps: [string, string, number, string][] = [
        ['road', '2025-05-20', road[0], '完成路基平整，施工记录及照片存档'],
        [
          'road',
          '2025-10-25',
          road[1],
          road[1] === 100 ? '镇农业服务中心验收合格' : '资金未全部到位，完成 1.2 公里',
        ],
        ['income', '2025-07-10', income[0], '村集体光伏项目上半年收益入账'],
        [
          'income',
          '2025-12-20',
          income[1],
          income[1] === 100 ? '全年经营性收入 10.6 万元，见年度账目' : '全年经营性收入 8 万元',
        ],
        ['open', '2025-12-31', 100, '全年 12 期财务收支按时公开'],
      ];
      for (const [k, on, percent, evidence] of steps)
        await addProgressIn(tx, day(on), officer, id, {
          itemId: byKey(k),
          reportedOn: on,
          percent,
          evidence,
        });
      const [p] = await tx.select().from(pledges).where(eq(pledges.id, id));
      const reported = await recordReport({
        ctx: day('2025-12-28'),
        actor: officer,
        id,
        input: {
          report: `${cadre}同志2025年度述诺：承诺三项，按期推进，详见践诺记录。`,
          reportedOn: '2025-12-28',
          version: p.version,
        },
      });
      // 评诺 for the 党支部书记 and 村委会主任; 柳湾村's first appraised cadre fails
      if (!/书记|主任$/.test(t.title) || today < '2026-01-12') continue;
      const fail = village === '柳湾村' && failed === 0;
      if (fail) failed++;
      await recordAppraisalIn(tx, day('2026-01-12'), officer, id, {
        satisfied: fail ? 20 : 48,
        basic: fail ? 16 : 9,
        unsatisfied: fail ? 18 : 3,
        appraisedOn: '2026-01-12',
        version: reported.version,
      });
    }
    return `任期承诺：大兴镇 ${made} 名村干部的年度承诺及践诺进度、述诺和评诺（${failed} 人评诺未通过，已启动诫勉谈话）`;
  },
};
