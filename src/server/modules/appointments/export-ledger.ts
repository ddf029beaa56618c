import { asc, desc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { DECIDING_BODIES } from '../../../domain/appointments/authority.js';
import { CASE_LEDGER_COLUMNS, CASE_LEDGER_SHEET } from '../../../domain/appointments/case-ledger.js';
import { RESPONSIBLE_ROLES } from '../../../domain/appointments/responsibility.js';
import type { ScoreWeights } from '../../../domain/appointments/selection.js';
import { weightedScore } from '../../../domain/appointments/votes.js';
import {
  APPOINTMENT_METHODS,
  CANDIDATE_STATUSES,
  CASE_STEPS,
} from '../../../domain/appointments/workflow.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { BORDER, styleHeader } from '../cadres/excel/sheet-style.js';
import { cadres, positions } from '../cadres/schema.js';
import type { CaseListQuery } from './contract.js';
import { caseWhere } from './list-cases.js';
import { appointmentCandidates, appointmentResponsibles, appointmentCases as k } from './schema.js';

const num = (x: number | null) => (x === null ? '' : String(Number(x)));

/** 公开选拔/竞争上岗: the weights the 考察对象 were ranked with (kept with the case at 确定考察对象). */
const weightsOf = (recommendation: unknown) =>
  (recommendation as { weights?: ScoreWeights } | null)?.weights ?? null;

const label = (m: Record<string, string>, key: string | null) => (key ? (m[key] ?? key) : '');

/** 选拔任用纪实台帐: one row per candidate of each case (the import reads the same columns). */
export const LEDGER_COLUMNS = CASE_LEDGER_COLUMNS;

export async function exportLedger(opts: {
  ctx: AppContext;
  actor: Actor;
  query: Omit<CaseListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;
}) {
  const { ctx, actor, query } = opts;
  const rows = await ctx.db
    .select({ k, orgName: orgs.name })
    .from(k)
    .leftJoin(orgs, eq(orgs.id, k.orgId))
    .where(caseWhere(actor, query, chinaDate(ctx.clock.now())))
    .orderBy(desc(k.proposedOn), desc(k.id));
  const ids = rows.map((r) => r.k.id);
  const [cands, people] = ids.length
    ? await Promise.all([
        ctx.db
          .select({ c: appointmentCandidates, name: cadres.name, post: positions.title })
          .from(appointmentCandidates)
          .innerJoin(cadres, eq(cadres.id, appointmentCandidates.cadreId))
          .innerJoin(positions, eq(positions.id, appointmentCandidates.positionId))
          .where(inArray(appointmentCandidates.caseId, ids))
          .orderBy(asc(appointmentCandidates.id)),
        ctx.db.select().from(appointmentResponsibles).where(inArray(appointmentResponsibles.caseId, ids)),
      ])
    : [[], []];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(CASE_LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    style: { numFmt: '@', alignment: { vertical: 'top', wrapText: true } },
  }));
  const today = chinaDate(ctx.clock.now());
  ws.getRow(1).getCell(1).value = `选拔任用纪实台帐（${query.year ? `${query.year}年` : `截至 ${today}`}）`;
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  const header = ws.getRow(2);
  header.values = LEDGER_COLUMNS.map((c) => c.header);
  styleHeader(header);
  let n = 0;
  for (const { k: row, orgName } of rows) {
    const responsible = people
      .filter((p) => p.caseId === row.id)
      .map((p) => `${label(RESPONSIBLE_ROLES, p.role)}：${p.name}`)
      .join('；');
    const weights = weightsOf(row.recommendation);
    for (const { c, name, post } of cands.filter((x) => x.c.caseId === row.id)) {
      const line = ws.addRow({
        no: String(++n),
        code: row.code,
        org: orgName ?? '',
        title: row.title,
        method: label(APPOINTMENT_METHODS, row.method),
        proposedOn: row.proposedOn,
        name,
        post,
        votes: num(c.recommendVotes),
        exam: num(c.examScore),
        interview: num(c.interviewScore),
        total:
          c.examScore !== null && c.interviewScore !== null && weights
            ? String(weightedScore(Number(c.examScore), Number(c.interviewScore), weights))
            : '',
        rank: num(c.rank),
        decision: c.approve === null ? '' : `${c.approve}/${c.oppose}/${c.abstain}`,
        body: label(DECIDING_BODIES, row.decidingBody),
        notice: row.noticeCode ? `${row.noticeCode}（${row.noticeStartsOn} 至 ${row.noticeEndsOn}）` : '',
        dispatch: row.dispatchCode ? `${row.dispatchCode}（${row.dispatchOn}）` : '',
        status: label(CANDIDATE_STATUSES, c.status),
        step: label(CASE_STEPS, row.step),
        responsible,
      });
      line.eachCell((cell) => {
        cell.border = BORDER;
      });
    }
  }
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'appointment.ledger_export',
    objectType: 'appointment',
    detail: { ...query, rows: n },
  });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, filename: `选拔任用纪实台帐-${query.year ?? today.replaceAll('-', '')}.xlsx`, rows: n };
}
