import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { BORDER, styleHeader } from '../cadres/excel/sheet-style.js';
import type { ListQuery } from './contract.js';
import { listPledges } from './list-pledges.js';
import { standingsOf } from './standing.js';

const COLUMNS = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'village', header: '村', width: 12 },
  { key: 'cadre', header: '姓名', width: 10 },
  { key: 'post', header: '职务', width: 16 },
  { key: 'item', header: '承诺事项', width: 24 },
  { key: 'target', header: '目标', width: 24 },
  { key: 'dueOn', header: '完成期限', width: 12 },
  { key: 'weight', header: '权重', width: 6 },
  { key: 'progress', header: '进度', width: 8 },
  { key: 'latest', header: '最近践诺（日期、佐证）', width: 30 },
  { key: 'fulfilled', header: '兑现情况', width: 10 },
  { key: 'appraisal', header: '述诺评诺', width: 28 },
];

/**
 * 承诺践诺台帐: every item of the pledges the caller sees (scope, recusal), as of a day — its
 * progress (children indented under their parent), the latest entry, whether it is fulfilled (a
 * leaf due by then at 100%), and the pledge's 述诺/评诺 — as Excel; audited.
 */
export async function exportPledgeLedger(opts: { ctx: AppContext; actor: Actor; query: ListQuery }) {
  const { ctx, actor } = opts;
  const list = await listPledges(opts);
  const standing = await standingsOf(
    ctx.db,
    list.items.map((p) => p.id),
    list.asOf,
  );
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('承诺践诺台帐', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    style: { numFmt: '@', alignment: { wrapText: true } },
  }));
  const rate = list.villages.reduce((a, v) => ({ due: a.due + v.due, done: a.done + v.fulfilled }), {
    due: 0,
    done: 0,
  });
  ws
    .getRow(1)
    .getCell(
      1,
    ).value = `村干部任期承诺践诺台帐（截至 ${list.asOf}；应兑现 ${rate.due} 项，已兑现 ${rate.done} 项${
    rate.due ? `，兑现率 ${Math.round((rate.done / rate.due) * 1000) / 10}%` : ''
  }）`;
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  styleHeader(Object.assign(ws.getRow(2), { values: COLUMNS.map((c) => c.header) }));
  let no = 0;
  for (const p of list.items) {
    const s = standing.get(p.id)!;
    const a = p.appraisal as {
      satisfied: number;
      basic: number;
      unsatisfied: number;
      failureShare: number;
    } | null;
    const appraisal = a
      ? `${p.appraisedOn} 评诺：满意 ${a.satisfied}、基本满意 ${a.basic}、不满意 ${a.unsatisfied}（不满意 ${a.failureShare}%）${p.admonitionId ? '，已启动诫勉谈话' : ''}`
      : '';
    const depth = (id: number | null): number => {
      const parent = s.items.find((i) => i.id === id)?.parentId ?? null;
      return parent === null ? 0 : 1 + depth(parent);
    };
    for (const it of s.items) {
      const leaf = !s.items.some((c) => c.parentId === it.id);
      const latest = [...s.entries].reverse().find((e) => e.itemId === it.id && e.reportedOn <= list.asOf);
      const percent = s.percent.get(it.id) ?? 0;
      const row = ws.addRow({
        no: String(++no),
        village: p.village,
        cadre: p.cadre,
        post: p.post,
        item: `${'　'.repeat(depth(it.id))}${it.title}`,
        target: it.target,
        dueOn: it.dueOn,
        weight: it.weight == null ? '' : String(it.weight),
        progress: `${percent}%`,
        latest: latest ? `${latest.reportedOn} ${latest.percent}%：${latest.evidence}` : '',
        fulfilled: !leaf
          ? '（汇总）'
          : it.dueOn > list.asOf
            ? '未到期'
            : percent >= 100
              ? '已兑现'
              : '未兑现',
        appraisal,
      });
      row.eachCell((cell) => {
        cell.border = BORDER;
      });
    }
  }
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'pledge.ledger_export',
    objectType: 'pledge',
    detail: { asOf: list.asOf, orgId: opts.query.orgId ?? null, pledges: list.items.length, rows: no },
  });
  return {
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    filename: `承诺践诺台帐（截至${list.asOf}）.xlsx`,
  };
}
