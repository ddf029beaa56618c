import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { unprocessable } from '../../platform/http/errors.js';
import { openFindingsOf, openFindingsText } from '../audits/open-findings.js';
import { formDocx } from '../petitions/documents/docx-form.js';
import { getCase } from './get-case.js';
import { getPublicNoticeOf } from './public-notices.js';

const cn = (day: string) =>
  `${day.slice(0, 4)} 年 ${Number(day.slice(5, 7))} 月 ${Number(day.slice(8, 10))} 日`;
export type AppointmentDocument = 'inspection' | 'notice' | 'dispatch';
const TITLES: Record<AppointmentDocument, string> = {
  inspection: '干部考察材料',
  notice: '干部任前公示',
  dispatch: '干部任免文件',
};

/**
 * The documents the office prints, as .docx: the 考察材料 (per case: the 考察对象, the team, the
 * findings and integrity opinions), the 任前公示 (each person with the one-line bio, the period and
 * the contact) and the 任免文件 (its number, date and 任 lines as decided). Each print is audited.
 */
export async function printDocument(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  kind: AppointmentDocument;
}) {
  const { ctx, actor, id, kind } = opts;
  const c = await getCase({ ctx, actor, id });
  const footer = `打印：${actor.displayName}  ${ctx.clock.now().toISOString().slice(0, 10)}`;
  const subtitle = `${c.code}    ${c.orgName}`;
  let bytes: Buffer;
  if (kind === 'inspection') {
    if (!c.inspection) throw unprocessable('尚未录入考察情况');
    const inspection = c.inspection as { on: string; talkedTo: number; findings: string };
    const team = c.responsibles.filter((p) => p.role === 'inspector').map((p) => p.name);
    const inspected = c.candidates.filter((x) => x.status !== 'recommended');
    const findings = await openFindingsOf(
      ctx.db,
      actor,
      inspected.map((x) => x.cadreId),
    );
    bytes = await formDocx({
      title: TITLES.inspection,
      subtitle,
      rows: [
        {
          pairs: [
            ['考察事项', c.title],
            ['选拔方式', c.methodLabel],
          ],
        },
        {
          pairs: [
            ['考察日期', inspection.on],
            ['谈话人数', String(inspection.talkedTo)],
          ],
        },
        { label: '考察组成员', value: [...new Set(team)].join('、') },
        ...inspected.map((x) => ({
          label: `${x.name}（拟任${x.post}）`,
          value: `民主推荐得票 ${x.recommendVotes ?? '—'}；廉政意见：${x.integrityOpinion ?? '待出具'}；${openFindingsText(findings.filter((f) => f.cadreId === x.cadreId))}`,
          minLines: 2,
        })),
        { label: '考察情况', value: inspection.findings, minLines: 6 },
      ],
      after: [`考察组（签字）：\n${cn(inspection.on)}`],
      footer,
    });
  } else if (kind === 'notice') {
    if (!c.noticeStartsOn || !c.noticeEndsOn) throw unprocessable('尚未发布任前公示');
    const n = await getPublicNoticeOf(ctx.db, c.id);
    bytes = await formDocx({
      title: TITLES.notice,
      subtitle: `${c.noticeCode}    ${c.orgName}`,
      rows: n.map((p) => ({ label: p.name, value: `${p.bio}，${p.proposed}。`, minLines: 2 })),
      after: [
        `经${c.decidingBodyLabel}研究，拟对以上同志任用，现予以公示。公示期为 ${cn(c.noticeStartsOn)}至 ${cn(c.noticeEndsOn)}。`,
        `公示期间，对公示对象有异议的，可通过来信、来电、来访或网上信访举报平台反映。联系方式：${c.noticeContact ?? ''}`,
        `反映问题应实事求是，提倡署真实姓名。\n${c.orgName}\n${cn(c.noticeStartsOn)}`,
      ],
      footer,
    });
  } else {
    if (!c.dispatchCode || !c.dispatchOn) throw unprocessable('尚未办理任职');
    const lines = c.candidates.filter((x) => x.status === 'appointed' || x.status === 'revoked');
    bytes = await formDocx({
      title: TITLES.dispatch,
      subtitle: `${c.dispatchCode}    ${c.orgName}`,
      rows: [
        {
          pairs: [
            ['发文日期', c.dispatchOn],
            ['决定机构', c.decidingBodyLabel],
          ],
        },
        ...lines.map((x) => ({
          label: '任',
          value: `${x.name}为${x.post}${x.probationEnd ? `（试用期一年，至 ${x.probationEnd}）` : ''}`,
        })),
      ],
      after: [`${c.orgName}\n${cn(c.dispatchOn)}`],
      footer,
    });
  }
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'appointment.print',
    objectType: 'appointment',
    objectId: id,
    detail: { document: kind, code: c.code },
  });
  return { bytes, fileName: `${TITLES[kind]}-${c.code}.docx` };
}
