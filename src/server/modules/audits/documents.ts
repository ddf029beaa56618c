import { asc, eq } from 'drizzle-orm';
import { fenToYuan } from '../../../domain/audits/outcomes.js';
import { CONTINUE_REASONS, ITEM_STATUSES, type ItemStatus } from '../../../domain/audits/rectification.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { formDocx } from '../petitions/documents/docx-form.js';
import { loadAudit, loadItem } from './access.js';
import { getMeeting } from './meetings.js';
import { auditFindings, econAudits, rectificationItems } from './schema.js';

const cn = (day: string) =>
  `${day.slice(0, 4)} 年 ${Number(day.slice(5, 7))} 月 ${Number(day.slice(8, 10))} 日`;
const orgName = async (ctx: AppContext, id: number) =>
  (await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, id)))[0]?.name ?? '';

/** 审计整改通知书 (.docx) of one item: the finding, the recommendation and the clocks the unit must meet. */
export async function printNotice(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const item = await loadItem(ctx.db, actor, id);
  const [[f], [a]] = await Promise.all([
    ctx.db.select().from(auditFindings).where(eq(auditFindings.id, item.findingId)),
    ctx.db.select().from(econAudits).where(eq(econAudits.id, item.auditId)),
  ]);
  const [unit, auditOrg] = await Promise.all([orgName(ctx, item.unitOrgId), orgName(ctx, a.orgId)]);
  const months = await ctx.rules.value<number>('econ_audit.progress_report_interval', item.issuedOn);
  const bytes = await formDocx({
    title: '审计整改通知书',
    subtitle: `${a.reportNo ?? ''}    ${unit}`,
    rows: [
      {
        pairs: [
          ['整改单位', unit],
          ['审计项目', a.title],
        ],
      },
      { label: '问题摘要', value: f.summary },
      { label: '具体描述', value: f.description, minLines: 3 },
      {
        pairs: [
          ['涉及金额（元）', f.amountFen === null ? '—' : fenToYuan(f.amountFen)],
          ['定性依据', f.basis],
        ],
      },
      { label: '整改建议', value: f.recommendation, minLines: 2 },
      {
        pairs: [
          ['下发日期', item.issuedOn],
          ['方案报送期限', item.planDueOn ?? ''],
        ],
      },
    ],
    after: [
      `${unit}：`,
      `经审计，你单位存在上述问题。请于 ${cn(item.planDueOn ?? item.issuedOn)}前报送整改方案，明确整改措施、责任单位、责任人和整改时限；整改期间每 ${months} 个月报告一次整改进展；整改完成后提供证明材料申请销号，由审计组对账销号。`,
      '逾期未报送方案、未按期报告进展或未按期完成整改的，将报镇党委并按规定追究责任。',
      `${auditOrg}（盖章）\n${cn(item.issuedOn)}`,
    ],
    footer: `打印：${actor.displayName}  ${chinaDate(ctx.clock.now())}`,
  });
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'econ_audit.print',
    objectType: 'rectification',
    objectId: id,
    detail: { document: 'notice' },
  });
  return { bytes, fileName: `审计整改通知书-${f.summary.slice(0, 20)}.docx` };
}

/** 对账销号单 (.docx): the auditor's closing sheet of an audit's items, each with its 认定 and 销号. */
export async function printClosingSheet(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const a = await loadAudit(ctx.db, actor, id);
  const rows = await ctx.db
    .select({ i: rectificationItems, summary: auditFindings.summary })
    .from(rectificationItems)
    .innerJoin(auditFindings, eq(auditFindings.id, rectificationItems.findingId))
    .where(eq(rectificationItems.auditId, id))
    .orderBy(asc(rectificationItems.id));
  const unit = await orgName(ctx, a.orgId);
  const closed = rows.filter((r) => r.i.status === 'closed').length;
  const bytes = await formDocx({
    title: '审计整改对账销号单',
    subtitle: `${a.reportNo ?? ''}    ${unit}`,
    rows: [
      {
        pairs: [
          ['审计项目', a.title],
          ['被审计单位', unit],
        ],
      },
      ...rows.map((r, n) => {
        const status = r.i.status as ItemStatus;
        const verdict =
          status === 'continuing'
            ? `持续整改（${CONTINUE_REASONS[r.i.continueReason as keyof typeof CONTINUE_REASONS] ?? ''}，下一检查节点 ${r.i.nextCheckpoint}）`
            : (r.i.verdict ?? ITEM_STATUSES[status]);
        return {
          label: `${n + 1}. ${r.summary}`,
          value: `整改措施：${r.i.measures ?? '—'}\n证明材料：${r.i.evidence ?? '—'}\n认定：${verdict}${status === 'closed' ? `\n销号：${r.i.closedOn}` : ''}`,
          minLines: 3,
        };
      }),
    ],
    after: [
      `共 ${rows.length} 项，已销号 ${closed} 项，未销号 ${rows.length - closed} 项（持续整改不计为销号）。`,
      '审计组（签字）：                    整改单位负责人（签字）：',
      cn(chinaDate(ctx.clock.now())),
    ],
    footer: `打印：${actor.displayName}  ${chinaDate(ctx.clock.now())}`,
  });
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'econ_audit.print',
    objectType: 'econ_audit',
    objectId: id,
    detail: { document: 'closing_sheet', items: rows.length },
  });
  return { bytes, fileName: `对账销号单-${a.title.slice(0, 20)}.docx` };
}

/** The 联席会议's decision list (.docx): each decision, who acts, by when, and whether it is done. */
export async function printMeetingDecisions(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const m = await getMeeting({ ctx, actor, id });
  const bytes = await formDocx({
    title: '审计联席会议决定事项清单',
    subtitle: `${m.title}    ${m.heldOn}`,
    rows: [
      { label: '参会人员', value: m.attendees.join('、') },
      { label: '通报审计项目', value: m.audits.map((a) => a.title).join('\n') || '—' },
      ...m.decisions.map((d) => ({
        label: `${d.no}. ${d.assignee}`,
        value: `${d.content}\n办理时限：${d.dueOn}　${d.state}${d.doneOn ? `（${d.doneOn}：${d.doneNote ?? ''}）` : ''}`,
        minLines: 2,
      })),
    ],
    after: [`会议纪要：${m.minutes}`],
    footer: `打印：${actor.displayName}  ${chinaDate(ctx.clock.now())}`,
  });
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'econ_audit.print',
    objectType: 'joint_meeting',
    objectId: id,
    detail: { document: 'decisions' },
  });
  return { bytes, fileName: `联席会议决定事项-${m.heldOn}.docx` };
}
