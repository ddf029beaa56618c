import ExcelJS from 'exceljs';
import { isSelectionMethod } from '../../../domain/appointments/selection.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { unprocessable } from '../../platform/http/errors.js';
import { BORDER, styleHeader } from '../cadres/excel/sheet-style.js';
import { loadCase } from './access.js';
import { rankingOf } from './selection-ranking.js';

const VERDICTS: Record<string, string> = { eligible: '符合', blocked: '暂不符合', undetermined: '无法判断' };

/** 成绩排名表 of a 公开选拔/竞争上岗 case: per post, in rank order, with the weights and the tie rule. */
export async function exportRanking(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const row = await loadCase(ctx.db, actor, id);
  if (!isSelectionMethod(row.method)) throw unprocessable('该事项不是公开选拔或竞争上岗，没有成绩排名');
  const r = await rankingOf(ctx, ctx.db, row, chinaDate(ctx.clock.now()));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('成绩排名');
  const cols = [
    { key: 'post', header: '报考职务', width: 22 },
    { key: 'rank', header: '名次', width: 6 },
    { key: 'name', header: '姓名', width: 10 },
    { key: 'source', header: '人员来源', width: 10 },
    { key: 'eligibility', header: '系统资格核对', width: 12 },
    { key: 'qualification', header: '资格审查', width: 10 },
    { key: 'reason', header: '审查意见', width: 30 },
    { key: 'exam', header: `笔试成绩（${Math.round(r.weights.exam * 100)}%）`, width: 14 },
    { key: 'interview', header: `面试成绩（${Math.round(r.weights.interview * 100)}%）`, width: 14 },
    { key: 'total', header: '总成绩', width: 10 },
  ];
  ws.addRow([`${row.code} ${row.title} 成绩排名表`]);
  ws.mergeCells(1, 1, 1, cols.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow([`${r.tieRule}。差额比例不低于 ${r.ratio}:1。`]);
  ws.mergeCells(2, 1, 2, cols.length);
  const header = ws.addRow(cols.map((c) => c.header));
  styleHeader(header);
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  for (const x of r.rows) {
    const line = ws.addRow([
      x.post,
      x.rank ?? '',
      x.name,
      x.cadreId ? '干部名册' : '名册外',
      x.eligibilityVerdict ? VERDICTS[x.eligibilityVerdict] : '',
      x.qualificationLabel,
      [x.qualificationReason, x.overrideReason ? `（经批准：${x.overrideReason}）` : '']
        .filter(Boolean)
        .join(''),
      x.examScore == null ? '' : Number(x.examScore),
      x.interviewScore == null ? '' : Number(x.interviewScore),
      x.total ?? '',
    ]);
    line.eachCell((cell) => {
      cell.border = BORDER;
    });
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, filename: `${row.code}成绩排名表.xlsx` };
}
