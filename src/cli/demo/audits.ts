import { and, asc, eq, isNull, like, lt, notInArray, sql } from 'drizzle-orm';
import { addDays, chinaDate } from '../../domain/calendar.js';
import { addFindingIn } from '../../server/modules/audits/add-finding.js';
import { confirmAuditIn } from '../../server/modules/audits/confirm-audit.js';
import type { FindingInput } from '../../server/modules/audits/contract.js';
import { insertAudit } from '../../server/modules/audits/create-audit.js';
import { takeItemStep } from '../../server/modules/audits/item-step.js';
import { completeDecisionIn, insertMeeting } from '../../server/modules/audits/meetings.js';
import { recordOutcomeIn } from '../../server/modules/audits/record-outcome.js';
import { reportAuditIn } from '../../server/modules/audits/report-audit.js';
import {
  auditPlans,
  econAudits,
  meetingDecisions,
  rectificationItems,
} from '../../server/modules/audits/schema.js';
import { cadres, tenures } from '../../server/modules/cadres/schema.js';
import { endTenureIn } from '../../server/modules/cadres/tenures/end-tenure.js';
import { loadTenure } from '../../server/modules/cadres/tenures/load-tenure.js';
import type { Actor } from '../../server/platform/access/actor.js';
import type { Tx } from '../../server/platform/db/client.js';
import { orgs } from '../../server/platform/orgs/schema.js';
import { recusals, users } from '../../server/platform/users/schema.js';
import type { DemoStep } from './index.js';
import { daysOf, demoActor } from './petition-life.js';
import { TOWNSHIPS } from './platform-data.js';

/** The seed's "十余名离任领导干部": principal leaders of 大兴镇 who left their posts in the demo year. */
const DEPARTURES = 12;
/** Of them, those whose audit reported by the year's end, and those with a finding. */
const REPORTED = 8;
const WITH_FINDING = 2;

const withPermissions = (a: Actor, ...permissions: string[]): Actor => ({
  ...a,
  permissions: new Set(permissions),
});

const finding = (version: number, over: Partial<FindingInput>): FindingInput => ({
  version,
  summary: '',
  description: '',
  amount: null,
  basis: '《会计法》《村级财务管理规定》',
  problemType: 'funds',
  severity: 'minor',
  recommendation: '',
  responsible: [],
  ...over,
});

/**
 * Principal posts held in 大兴镇 since before the demo year (a post cannot end before it began) by
 * cadres with no account and no one registered as related to them.
 */
async function principals(tx: Tx, townPath: string, heldBefore: string) {
  const linked = tx.select({ id: users.cadreId }).from(users).where(sql`${users.cadreId} is not null`);
  const related = tx.select({ id: recusals.cadreId }).from(recusals);
  return tx
    .select({ id: tenures.id, cadreId: tenures.cadreId, startDate: tenures.startDate, orgId: tenures.orgId })
    .from(tenures)
    .innerJoin(cadres, eq(cadres.id, tenures.cadreId))
    .innerJoin(orgs, eq(orgs.id, tenures.orgId))
    .where(
      and(
        eq(tenures.isPrincipal, true),
        isNull(tenures.endDate),
        lt(tenures.startDate, heldBefore),
        like(orgs.path, `${townPath}%`),
        notInArray(cadres.id, linked),
        notInArray(cadres.id, related),
      ),
    )
    .orderBy(asc(tenures.id));
}

/**
 * 大兴镇's economic-responsibility audits in the demo year, through the module's own use cases on the
 * days they happened: the year's plans; 12 principal leaders leave their posts (the cadres module's
 * tenure end drafts each 离任审计, which the audit officer confirms); 8 are reported, 2 with a finding
 * issued to the unit; a 定期审计 and a 重点审计 of 东风村 find the same type of problem (屡审屡犯), its
 * items taken through the lifecycle by the village's head (plan, reports, 申请销号) and the auditor
 * (销号, 持续整改, 退回; one awaits 认定); a 重点审计 of 财政所; the 整改成效; and two 联席会议 with their
 * decisions (the half-year one's done, one of them late).
 */
export const auditsDemo: DemoStep = {
  name: 'audits',
  async loaded(tx) {
    const [row] = await tx.select({ id: auditPlans.id }).from(auditPlans).limit(1);
    return !!row;
  },
  async run({ ctx, tx, now }) {
    const year = Number(chinaDate(now).slice(0, 4)) - 1;
    const day = await daysOf(ctx, tx, now);
    const t = TOWNSHIPS[0];
    const [town] = await tx.select().from(orgs).where(eq(orgs.name, t.name));
    const unitOf = async (name: string) =>
      (
        await tx
          .select({ id: orgs.id })
          .from(orgs)
          .where(and(eq(orgs.name, name), like(orgs.path, `${town.path}%`)))
      )[0].id;
    const village = await unitOf(t.villages[0]);
    const finance = await unitOf('财政所');
    const auditor = withPermissions(
      await demoActor(tx, `${t.prefix}_audit_officer`),
      'econ_audit.read',
      'econ_audit.manage',
    );
    const head = withPermissions(await demoActor(tx, `${t.prefix}_unit_head`), 'rectification.unit');
    const org = await demoActor(tx, `${t.prefix}_org_officer`);

    for (const [kind, title] of [
      ['periodic', `${year}年度村级财务定期审计计划`],
      ['targeted', `${year}年度重点审计计划`],
      ['departure', `${year}年度领导干部离任经济责任审计计划`],
    ] as const)
      await tx.insert(auditPlans).values({
        orgId: town.id,
        year,
        kind,
        title,
        createdBy: auditor.userId,
        createdAt: day(`${year}-01-10`).clock.now(),
      });

    // 12 principal leaders leave: the tenure's end drafts the departure audit, confirmed three days later
    const posts = (await principals(tx, town.path, `${year}-01-01`)).slice(0, DEPARTURES);
    const departures: number[] = [];
    for (const [k, p] of posts.entries()) {
      const leftOn = addDays(`${year}-01-20`, k * 25);
      const c = day(leftOn);
      await endTenureIn(tx, c, org, await loadTenure(tx, org, p.id), {
        endDate: leftOn,
        endReason: 'transfer',
      });
      const [draft] = await tx.select().from(econAudits).where(eq(econAudits.tenureId, p.id));
      await confirmAuditIn(tx, day(addDays(leftOn, 3)), auditor, draft.id, {
        version: 1,
        auditorUserIds: [],
        noticeNo: `大审通〔${year}〕${k + 1}号`,
      });
      departures.push(draft.id);
      if (k >= REPORTED) continue;
      const reportedOn = addDays(leftOn, 33);
      await reportAuditIn(tx, day(reportedOn), auditor, draft.id, {
        version: 2,
        reportedOn,
        reportNo: `大审报〔${year}〕${k + 1}号`,
        opinion: '任期内能够认真执行财经法规，财务收支基本真实、合法。',
        amount: `${(k + 2) * 150000}`,
      });
      if (k < WITH_FINDING)
        await addFindingIn(
          tx,
          day(reportedOn),
          auditor,
          draft.id,
          finding(3, {
            summary: '公务接待无审批单',
            description: `${year}年部分公务接待费用报销无接待审批单和公函。`,
            amount: `${(k + 1) * 3200}`,
            problemType: k === 0 ? 'budget' : 'other',
            recommendation: '严格执行公务接待审批制度，补齐手续。',
            responsible: [{ cadreId: p.cadreId, tier: 'leadership' }],
          }),
        );
    }

    // 定期审计 of 东风村: its 专项资金 finding rectified and 销号
    const step = (on: string, actor: Actor, id: number, input: Parameters<typeof takeItemStep>[4]) =>
      takeItemStep(tx, day(on), actor, id, input);
    const periodic = await insertAudit(tx, day(`${year}-03-02`), auditor, {
      orgId: village,
      kind: 'periodic',
      title: `${t.villages[0]}${year - 1}年度村级财务收支定期审计`,
      periodFrom: `${year - 1}-01-01`,
      periodTo: `${year - 1}-12-31`,
      auditorUserIds: [],
      startedOn: `${year}-03-02`,
    });
    await reportAuditIn(tx, day(`${year}-03-25`), auditor, periodic, {
      version: 1,
      reportedOn: `${year}-03-25`,
      reportNo: `大审报〔${year}〕21号`,
      opinion: '村级财务收支基本规范，存在专项资金使用不规范问题。',
      amount: '1860000',
    });
    const a = await addFindingIn(
      tx,
      day(`${year}-03-25`),
      auditor,
      periodic,
      finding(2, {
        summary: '扶贫专项资金挪作他用',
        description: `${year - 1}年扶贫专项资金 3.6 万元用于村部维修。`,
        amount: '36000',
        basis: '《财政专项扶贫资金管理办法》',
        severity: 'serious',
        recommendation: '将挪用资金归还原资金渠道，专款专用。',
      }),
    );
    await step(`${year}-03-30`, head, a.itemId, {
      version: 1,
      action: 'plan',
      measures: '村集体收入归还挪用资金，建立专项资金台账。',
      responsibleUnit: t.villages[0],
      responsiblePerson: '村委会主任',
      deadline: `${year}-06-30`,
    });
    await step(`${year}-04-28`, head, a.itemId, {
      version: 2,
      action: 'report',
      progress: '已归还 2 万元。',
    });
    await step(`${year}-05-27`, head, a.itemId, {
      version: 3,
      action: 'report',
      progress: '已全部归还 3.6 万元。',
    });
    await step(`${year}-06-10`, head, a.itemId, {
      version: 4,
      action: 'apply',
      evidence: '银行进账单 2 份、专项资金台账',
    });
    await step(`${year}-06-15`, auditor, a.itemId, { version: 5, action: 'accept' });
    await recordOutcomeIn(tx, day(`${year}-06-15`), auditor, periodic, {
      version: 3,
      findingId: a.findingId,
      kind: 'returned',
      amount: '36000',
      achievedOn: `${year}-06-15`,
    });
    await recordOutcomeIn(tx, day(`${year}-06-20`), auditor, periodic, {
      version: 4,
      kind: 'policy',
      count: 1,
      achievedOn: `${year}-06-20`,
      note: '《东风村专项资金管理办法》',
    });

    // 重点审计 of 东风村 in the autumn: the same 专项资金 problem again (屡审屡犯), and two more
    const targeted = await insertAudit(tx, day(`${year}-09-01`), auditor, {
      orgId: village,
      kind: 'targeted',
      title: `${t.villages[0]}惠农资金重点审计`,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-08-31`,
      auditorUserIds: [],
      startedOn: `${year}-09-01`,
    });
    await reportAuditIn(tx, day(`${year}-09-26`), auditor, targeted, {
      version: 1,
      reportedOn: `${year}-09-26`,
      reportNo: `大审报〔${year}〕27号`,
      opinion: '惠农资金发放总体到位，仍存在专项资金挪用等问题。',
      amount: '920000',
    });
    const items: number[] = [];
    for (const [v, over] of [
      {
        summary: '惠农补贴资金挪用',
        description: '惠农补贴资金 1.2 万元用于村干部误工补贴。',
        amount: '12000',
      },
      {
        summary: '村集体资产未入账',
        problemType: 'assets',
        description: '新建文化广场未登记村集体资产。',
        amount: null,
      },
      {
        summary: '白条入账',
        problemType: 'accounts',
        description: '8 笔支出以白条入账，合计 4800 元。',
        amount: '4800',
      },
    ].entries()) {
      const r = await addFindingIn(
        tx,
        day(`${year}-09-26`),
        auditor,
        targeted,
        finding(2 + v, { recommendation: '限期整改，规范管理。', ...over }),
      );
      items.push(r.itemId);
      await step(`${year}-10-09`, head, r.itemId, {
        version: 1,
        action: 'plan',
        measures: '追回资金、补办手续、完善制度。',
        responsibleUnit: t.villages[0],
        responsiblePerson: '村报账员',
        deadline: `${year}-11-30`,
      });
      await step(`${year}-11-20`, head, r.itemId, {
        version: 2,
        action: 'apply',
        evidence: '整改报告及凭证',
      });
    }
    await step(`${year}-11-25`, auditor, items[0], {
      version: 3,
      action: 'continue',
      reasonCategory: 'historical',
      nextCheckpoint: `${year + 1}-03-31`,
    });
    await step(`${year}-11-25`, auditor, items[1], {
      version: 3,
      action: 'return',
      reason: '资产评估报告未附，退回补充。',
    });
    await recordOutcomeIn(tx, day(`${year}-11-25`), auditor, targeted, {
      version: 5,
      kind: 'referred_person',
      count: 1,
      achievedOn: `${year}-11-25`,
      note: '移送镇纪委：村报账员违规发放补贴',
      persons: [{ name: '周会计', unitText: '村报账员' }],
    });

    // 重点审计 of 财政所: its finding issued, the plan still owed
    const fiscal = await insertAudit(tx, day(`${year}-08-04`), auditor, {
      orgId: finance,
      kind: 'targeted',
      title: `财政所${year}年上半年政府采购重点审计`,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-06-30`,
      auditorUserIds: [],
      startedOn: `${year}-08-04`,
    });
    await addFindingIn(
      tx,
      day(`${year}-08-28`),
      auditor,
      fiscal,
      finding(1, {
        summary: '化整为零规避政府采购',
        problemType: 'procurement',
        description: '办公设备分 5 次采购，合计 18 万元，规避集中采购。',
        amount: '180000',
        severity: 'serious',
        recommendation: '严格执行政府采购目录和限额标准。',
      }),
    );
    await recordOutcomeIn(tx, day(`${year}-12-10`), auditor, fiscal, {
      version: 2,
      kind: 'remitted',
      amount: '15000',
      achievedOn: `${year}-12-10`,
    });

    // two joint meetings: the half-year one (its decisions done, one late) and the year-end one
    const discipline = await demoActor(tx, `${t.prefix}_discipline_officer`);
    const heads = ['镇纪委书记', '组织委员', '财政所所长', '审计人员'];
    const mid = await insertMeeting(tx, day(`${year}-07-08`), auditor, {
      orgId: town.id,
      heldOn: `${year}-07-08`,
      title: `${year}年上半年审计工作联席会议`,
      attendees: heads,
      auditIds: [periodic, ...departures.slice(0, 4)],
      minutes: '通报上半年离任审计和村级财务定期审计情况，研究落实审计建议。',
      decisions: [
        {
          content: `督促${t.villages[0]}建立专项资金管理制度`,
          assigneeOrgId: town.id,
          assigneeRole: 'audit_officer',
          dueOn: `${year}-07-31`,
        },
        {
          content: '对审计发现问题较多单位的负责人进行提醒谈话',
          assigneeOrgId: town.id,
          assigneeRole: 'discipline_officer',
          dueOn: `${year}-08-15`,
        },
      ],
    });
    const midDecisions = await tx.select().from(meetingDecisions).where(eq(meetingDecisions.meetingId, mid));
    await completeDecisionIn(
      tx,
      day(`${year}-07-25`),
      auditor,
      mid,
      midDecisions[0].id,
      '已指导制定并印发。',
    );
    await completeDecisionIn(
      tx,
      day(`${year}-08-20`),
      withPermissions({ ...discipline, roles: ['discipline_officer'] }, 'econ_audit.read'),
      mid,
      midDecisions[1].id,
      '已对 2 名单位负责人进行提醒谈话。',
    );
    await insertMeeting(tx, day(`${year}-12-18`), auditor, {
      orgId: town.id,
      heldOn: `${year}-12-18`,
      title: `${year}年度审计工作联席会议`,
      attendees: heads,
      auditIds: [targeted, fiscal, ...departures.slice(4, REPORTED)],
      minutes: '通报全年审计和整改情况，部署跟踪回访。',
      decisions: [
        {
          content: `对${t.villages[0]}持续整改事项开展跟踪回访`,
          assigneeOrgId: town.id,
          assigneeRole: 'audit_officer',
          dueOn: `${year + 1}-03-31`,
        },
      ],
    });

    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(rectificationItems)
      .where(eq(rectificationItems.orgId, village));
    return `经济责任审计：${year} 年离任审计 ${departures.length} 项（出具报告 ${REPORTED} 项），定期审计 1 项、重点审计 2 项，东风村整改事项 ${n} 项（屡审屡犯 1 个），联席会议 2 次`;
  },
};
