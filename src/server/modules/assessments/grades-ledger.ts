import ExcelJS from 'exceljs';
import { GRADE_SOURCES, type GradeSource } from '../../../domain/assessments/grades.js';
import { GRADES_LEDGER_COLUMNS, GRADES_LEDGER_SHEET } from '../../../domain/assessments/grades-ledger.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { BORDER, styleHeader } from '../cadres/excel/sheet-style.js';
import { listGrades } from './list-grades.js';

const COLUMNS = GRADES_LEDGER_COLUMNS;

/** 考核结果台帐: a township's year of annual grades as Excel, the cap in the title; audited. It imports back. */
export async function exportGradesLedger(opts: {
  ctx: AppContext;
  actor: Actor;
  query: { year: number; orgId?: number };
}) {
  const d = await listGrades(opts);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(GRADES_LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    style: { numFmt: '@', alignment: { wrapText: true } },
  }));
  ws
    .getRow(1)
    .getCell(
      1,
    ).value = `${d.orgName}${d.year}年度考核结果台帐（参加考核 ${d.pool} 人，优秀 ${d.excellent} 人，上限 ${d.excellentMax} 人）`;
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  styleHeader(Object.assign(ws.getRow(2), { values: COLUMNS.map((c) => c.header) }));
  for (const [i, g] of d.items.entries()) {
    const row = ws.addRow({
      seq: String(i + 1),
      unit: g.orgName,
      name: g.name,
      year: String(d.year),
      grade: g.grade ?? '未评定',
      source: g.source ? (GRADE_SOURCES[g.source as GradeSource] ?? g.source) : '',
      decidedOn: g.decidedOn ?? '',
      note: [g.cap ? `连续末位，年度考核为${g.cap}` : '', g.note ?? ''].filter(Boolean).join('；'),
    });
    row.eachCell((cell) => {
      cell.border = BORDER;
    });
  }
  await recordAudit(opts.ctx.db, opts.ctx.clock, opts.actor, {
    action: 'assessment.grades_export',
    objectType: 'annual_grade',
    detail: { year: d.year, orgId: d.orgId, rows: d.items.length },
  });
  return {
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    filename: `${d.orgName}${d.year}年度考核结果台帐.xlsx`,
  };
}
