import { and, asc, eq, isNull, like, or } from 'drizzle-orm';
import { addDays, chinaDate } from '../../domain/calendar.js';
import { periodOf, periodSpan, previousPeriod } from '../../domain/openness/timing.js';
import { loadUnit } from '../../server/modules/openness/access.js';
import { createDisclosure } from '../../server/modules/openness/create-disclosure.js';
import { disclosureStep } from '../../server/modules/openness/disclosure-step.js';
import { ensurePeriodItem, scheduleDueItems } from '../../server/modules/openness/due-items.js';
import { sweepOverdueDisclosures } from '../../server/modules/openness/overdue-sweep.js';
import { recordMatter } from '../../server/modules/openness/record-matter.js';
import { reviseDisclosure } from '../../server/modules/openness/revise-disclosure.js';
import { disclosureItemTypes, disclosures } from '../../server/modules/openness/schema.js';
import type { Actor } from '../../server/platform/access/actor.js';
import { orgs } from '../../server/platform/orgs/schema.js';
import type { DemoStep } from './index.js';
import { opennessObjectionsDemo } from './openness-objections.js';
import { daysOf, demoActor } from './petition-life.js';
import { committeeUsername, TOWNSHIPS } from './platform-data.js';

const withPermissions = (a: Actor, p: string[]): Actor => ({ ...a, permissions: new Set(p) });

/** A village's monthly finance table whose lines add up (amounts vary by village and month). */
export function demoFinance(seed: number) {
  const f = (n: number) => Math.round(n * 100) / 100;
  const lines = [
    { kind: 'income' as const, item: '上级转移支付', amount: f(30000 + (seed % 7) * 1250) },
    { kind: 'income' as const, item: '集体资产租金', amount: f(2400 + (seed % 5) * 310.5) },
    { kind: 'expense' as const, item: '村干部报酬', amount: f(12000 + (seed % 3) * 500) },
    { kind: 'expense' as const, item: '办公费', amount: f(300 + (seed % 11) * 27.35) },
    { kind: 'expense' as const, item: '道路维修', amount: f((seed % 4) * 1800) },
  ];
  const sum = (k: string) =>
    lines.filter((l) => l.kind === k).reduce((s, l) => s + Math.round(l.amount * 100), 0);
  return {
    lines,
    totalIncome: sum('income') / 100,
    totalExpense: sum('expense') / 100,
    balance: (sum('income') - sum('expense')) / 100,
  };
}

const MONTHS = Array.from({ length: 13 }, (_, i) =>
  i < 12 ? `2025-${String(i + 1).padStart(2, '0')}` : '2026-01',
);
const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];

/**
 * The exceptions of the demo year: which unit's period is published late (days after the deadline),
 * not published at all (overdue now), withdrawn, or revised after publication.
 */
const LATE: Record<string, number> = {
  '红旗村 2025-05': 4,
  '东风村 2025-11': 2,
  '柳湾村 2025-Q3': 6,
  '财政所 2025-Q2': 3,
};
const OVERDUE = new Set(['柳湾村 2026-01', '组织办 2025-Q3']);
const WITHDRAWN = '红旗村 2025-09';
const REVISED = '东风村 2025-06';

/**
 * 大兴镇's openness year, through the module's own use cases on their days: each village's monthly
 * finances (with their tables) and quarterly affairs drafted, approved by the 村务监督委员会 and
 * published, each department's quarterly 办事结果, the township's government information; a few
 * published late, two overdue now, one withdrawn with its reason, one table corrected after
 * publication (version 2 with its diff); villagers' objections to three published items, one answered
 * after its deadline. The schedule and the overdue sweep then run as of today.
 */
export const opennessDemo: DemoStep = {
  name: 'openness',
  async loaded(tx) {
    const officer = await demoActor(tx, `${TOWNSHIPS[0].prefix}_org_officer`);
    const [row] = await tx
      .select({ id: disclosures.id })
      .from(disclosures)
      .where(eq(disclosures.createdBy, officer.userId))
      .limit(1);
    return !!row;
  },
  async run({ ctx: base, tx, now }) {
    const today = chinaDate(now);
    const day = await daysOf(base, tx, now);
    const officer = withPermissions(await demoActor(tx, `${TOWNSHIPS[0].prefix}_org_officer`), [
      'disclosure.read',
      'disclosure.draft',
    ]);
    // each village's 村务监督委员会 member reviews its items
    const committee = new Map<string, Actor>();
    for (const [vi, name] of TOWNSHIPS[0].villages.entries())
      committee.set(
        name,
        withPermissions(await demoActor(tx, committeeUsername(TOWNSHIPS[0], vi)), [
          'disclosure.read',
          'disclosure.review',
        ]),
      );
    const units = await tx
      .select({ id: orgs.id, name: orgs.name, kind: orgs.kind })
      .from(orgs)
      .where(
        and(
          like(orgs.path, `${officer.orgPath}%`),
          isNull(orgs.deletedAt),
          or(eq(orgs.kind, 'village'), eq(orgs.kind, 'department'), eq(orgs.id, officer.orgId)),
        ),
      )
      .orderBy(asc(orgs.path));
    const types = await tx.select().from(disclosureItemTypes).where(isNull(disclosureItemTypes.orgId));
    const typeOf = (level: string, name: string) => types.find((t) => t.level === level && t.name === name)!;
    let published = 0;
    let late = 0;

    /** One item of a unit for a period, published on `on` (or left unpublished: overdue). */
    const periodItem = async (
      unit: { id: number; name: string; kind: string },
      typeName: string,
      period: string,
      seed: number,
    ) => {
      const level = unit.kind;
      const type = typeOf(level, typeName);
      const key = `${unit.name} ${period}`;
      const u = (await loadUnit(tx, unit.id))!;
      const dueItem = await ensurePeriodItem(tx, day(periodSpan(period).to), u, type, period);
      if (dueItem.dueOn > today) return;
      if (OVERDUE.has(key)) return;
      const on = LATE[key] ? addDays(dueItem.dueOn, LATE[key]) : addDays(dueItem.dueOn, -2 - (seed % 4));
      if (on > today) return;
      if (LATE[key]) late++;
      const draftOn = addDays(on, -3);
      const finance = typeName === '村级财务收支' ? demoFinance(seed) : null;
      let d = await createDisclosure({
        ctx: day(draftOn),
        actor: officer,
        input: {
          orgId: unit.id,
          itemTypeId: type.id,
          period,
          title: `${unit.name}${period}${typeName}公开`,
          body:
            typeName === '村级财务收支'
              ? `现将本村${period}财务收支情况公开如下，如有疑问请于公开之日起七日内向村务监督委员会反映。`
              : `${unit.name}${period}${type.content}情况公开如下。`,
          finance,
          issuingBody: level === 'village' ? `${unit.name}村民委员会` : unit.name,
        },
      });
      if (level === 'village') {
        d = await disclosureStep({
          ctx: day(addDays(on, -2)),
          actor: officer,
          id: d.id,
          action: 'submit',
          input: { version: d.version },
        });
        d = await disclosureStep({
          ctx: day(addDays(on, -1)),
          actor: committee.get(unit.name)!,
          id: d.id,
          action: 'approve',
          input: { version: d.version },
        });
      }
      d = await disclosureStep({
        ctx: day(on),
        actor: officer,
        id: d.id,
        action: 'publish',
        input: { version: d.version },
      });
      published++;
      if (key === REVISED && finance) {
        const lines = finance.lines.map((l) =>
          l.item === '办公费' ? { ...l, amount: Math.round((l.amount + 120) * 100) / 100 } : l,
        );
        const totalExpense = Math.round((finance.totalExpense + 120) * 100) / 100;
        // a village's correction passes the committee before it is published as version 2
        d = await reviseDisclosure({
          ctx: day(addDays(on, 9)),
          actor: officer,
          id: d.id,
          input: {
            title: d.title,
            body: `${d.body}\n经村务监督委员会核对，办公费漏记打印纸款 120 元，现更正。`,
            finance: {
              lines,
              totalIncome: finance.totalIncome,
              totalExpense,
              balance: Math.round((finance.totalIncome - totalExpense) * 100) / 100,
            },
            note: '办公费漏记 120 元，更正支出合计与结余',
            version: d.version,
          },
        });
        d = await disclosureStep({
          ctx: day(addDays(on, 10)),
          actor: committee.get(unit.name)!,
          id: d.id,
          action: 'approve',
          input: { version: d.version },
        });
        d = await disclosureStep({
          ctx: day(addDays(on, 10)),
          actor: officer,
          id: d.id,
          action: 'publish',
          input: { version: d.version },
        });
      }
      if (key === WITHDRAWN)
        await disclosureStep({
          ctx: day(addDays(on, 5)),
          actor: officer,
          id: d.id,
          action: 'withdraw',
          input: { version: d.version, reason: '误将村民个人身份证号码公开，撤回后重新整理' },
        });
    };

    let seed = 0;
    for (const unit of units) {
      if (unit.kind === 'village') {
        for (const m of MONTHS) await periodItem(unit, '村级财务收支', m, seed++);
        for (const q of QUARTERS) await periodItem(unit, '村务一般事项', q, seed++);
      } else if (unit.kind === 'department') {
        for (const q of QUARTERS) await periodItem(unit, '办事结果', q, seed++);
      }
    }
    // the township's government information: a matter each quarter, published within 20 working days
    const town = units.find((u) => u.id === officer.orgId)!;
    const info = typeOf('township', '政府信息（主动公开）');
    const matters: [string, string, number][] = [
      ['2025年镇财政预算', '2025-02-20', 6],
      ['大兴镇农村人居环境整治实施方案', '2025-05-12', 9],
      ['2025年惠农补贴发放标准', '2025-08-04', 30],
      ['大兴镇防汛应急预案（修订）', '2025-11-03', 4],
    ];
    for (const [matter, decidedOn, after] of matters) {
      const m = await recordMatter({
        ctx: day(decidedOn),
        actor: officer,
        input: { orgId: town.id, itemTypeId: info.id, matter, decidedOn },
      });
      const on = addDays(decidedOn, after);
      let d = await createDisclosure({
        ctx: day(on),
        actor: officer,
        input: {
          orgId: town.id,
          itemTypeId: info.id,
          dueItemId: m.id,
          title: matter,
          body: `${matter}全文公开如下。`,
          issuingBody: '大兴镇人民政府',
        },
      });
      d = await disclosureStep({
        ctx: day(on),
        actor: officer,
        id: d.id,
        action: 'publish',
        input: { version: d.version },
      });
      if (on > m.dueOn) late++;
      published++;
    }
    // the month just ended: each village's finances drafted and waiting in its committee's queue
    const lastMonth = previousPeriod(periodOf('monthly', today));
    let inReview = 0;
    if (!MONTHS.includes(lastMonth))
      for (const unit of units.filter((u) => u.kind === 'village')) {
        const d = await createDisclosure({
          ctx: day(today),
          actor: officer,
          input: {
            orgId: unit.id,
            itemTypeId: typeOf('village', '村级财务收支').id,
            period: lastMonth,
            title: `${unit.name}${lastMonth}村级财务收支公开`,
            body: `现将本村${lastMonth}财务收支情况公开如下，如有疑问请于公开之日起七日内向村务监督委员会反映。`,
            finance: demoFinance(seed++),
            issuingBody: `${unit.name}村民委员会`,
          },
        });
        await disclosureStep({
          ctx: day(today),
          actor: officer,
          id: d.id,
          action: 'submit',
          input: { version: d.version },
        });
        inReview++;
      }
    const objections = await opennessObjectionsDemo(tx, day, officer);
    await scheduleDueItems(day(today));
    await sweepOverdueDisclosures(day(today));
    return `政务村务公开：大兴镇 ${units.length} 个公开单位，${published} 项已公开（${late} 项逾期公开，1 项撤回，1 项公开后更正），${OVERDUE.size} 项逾期未公开；村民异议 ${objections.objections} 件（${objections.late} 件逾期答复）；待村务监督委员会审核 ${inReview} 项`;
  },
};
