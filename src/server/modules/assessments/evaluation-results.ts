import ExcelJS from 'exceljs';
import { DIMENSIONS, type Dimension, RATINGS } from '../../../domain/assessments/evaluation.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { unprocessable } from '../../platform/http/errors.js';
import { BORDER, styleHeader } from '../cadres/excel/sheet-style.js';
import { loadEvaluation } from './access.js';
import { evaluationView } from './tally-evaluation.js';

/** 测评结果 as Excel: per subject and item the counts of 好/较好/一般/差, with the rates; only once shown. */
export async function exportEvaluationResults(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const v = await ctx.db.transaction(async (tx) =>
    evaluationView(tx, ctx, await loadEvaluation(tx, actor, id)),
  );
  if (!v.visible)
    throw unprocessable(`投票满 ${v.minBallots} 张后才能导出测评结果`, {
      id: `投票满 ${v.minBallots} 张后才能导出`,
    });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('测评结果');
  ws.columns = [12, 10, 10, 8, 8, 8, 8, 12, 10, 12].map((width) => ({ width }));
  ws.addRow([`${v.title}测评结果（${v.heldOn}，应参加 ${v.electorate} 人，收回 ${v.cast} 张）`]).font = {
    bold: true,
    size: 14,
  };
  styleHeader(ws.addRow(['测评对象', '票数', '项目', ...RATINGS, '好和较好（%）', '差（%）', '上次差（%）']));
  for (const t of v.tally)
    for (const [d, label] of Object.entries(DIMENSIONS) as [Dimension, string][]) {
      const overall = d === 'overall';
      ws.addRow([
        t.name,
        t.ballots,
        label,
        ...RATINGS.map((r) => t.counts[d][r]),
        overall ? t.goodRate : '',
        overall ? t.poorShare : '',
        overall ? (t.previousPoorShare ?? '') : '',
      ]).eachCell((c) => {
        c.border = BORDER;
      });
    }
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'assessment.evaluation_export',
    objectType: 'evaluation',
    objectId: id,
  });
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), filename: `${v.title}测评结果.xlsx` };
}
