import ExcelJS from 'exceljs';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { computeDashboard } from './compute-dashboard.js';
import type { ChartOut, DashboardQuery } from './contract.js';

/**
 * The dashboard as an Excel workbook: one sheet per module (each figure with its definition, value,
 * unit and as-of date; then its charts' points), one for the late to-dos, one per panel. The same
 * answer as the page, so the same scope, recusal and permissions.
 */
export async function exportDashboard(opts: {
  ctx: AppContext;
  actor: Actor;
  query: DashboardQuery;
}): Promise<{ buffer: Buffer; filename: string }> {
  const d = await computeDashboard(opts);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jiandu';
  const heading = `${d.org.name}　统计期 ${d.from} 至 ${d.to}　统计截至 ${d.asOf}`;
  const used = new Set<string>();
  const sheetName = (name: string) => {
    let n = name.replace(/[\\/?*[\]:]/g, '').slice(0, 28) || '工作表';
    for (let i = 2; used.has(n); i++) n = `${n.slice(0, 26)}${i}`;
    used.add(n);
    return n;
  };

  for (const m of d.modules) {
    const ws = wb.addWorksheet(sheetName(m.label));
    ws.columns = [{ width: 24 }, { width: 70 }, { width: 12 }, { width: 8 }, { width: 14 }];
    ws.addRow([`${m.label}　${heading}`]).font = { bold: true };
    if (d.note) ws.addRow([d.note]);
    ws.addRow(['指标', '定义', '数值', '单位', '统计截至']).font = { bold: true };
    for (const c of m.cards) ws.addRow([c.label, c.definition, c.value ?? '—', c.unit, d.asOf]);
    const charts: [string, ChartOut[]][] = [
      ['按月', m.trends],
      ['按单位', m.byOrg],
      ['按分类', m.categories],
    ];
    for (const [by, list] of charts)
      for (const chart of list) {
        ws.addRow([]);
        ws.addRow([
          `${chart.label}（${chart.dimension ? `按${chart.dimension}` : by}）`,
          chart.definition,
        ]).font = {
          bold: true,
        };
        for (const p of chart.points) ws.addRow([p.label, '', p.value, chart.unit, d.asOf]);
      }
  }

  const ws = wb.addWorksheet(sheetName('待办超期'));
  ws.columns = [{ width: 50 }, { width: 20 }, { width: 24 }, { width: 12 }, { width: 10 }];
  ws.addRow([`待办超期情况　${d.org.name}　截至 ${d.todos.today}`]).font = { bold: true };
  ws.addRow([`在办待办 ${d.todos.open} 件，其中超期 ${d.todos.overdue} 件`]);
  ws.addRow(['事项', '所属单位', '办理人', '截止日期', '超期天数']).font = { bold: true };
  for (const t of d.todos.late) ws.addRow([t.title, t.orgName ?? '', t.assignee, t.dueOn, t.overdueDays]);

  for (const p of d.panels) {
    const ps = wb.addWorksheet(sheetName(p.label));
    ps.addRow([`${p.label}　${heading}`]).font = { bold: true };
    ps.addRow([p.definition, '', p.value, p.unit]);
    ps.addRow(p.columns.map((c) => c.label)).font = { bold: true };
    for (const r of p.items) ps.addRow(p.columns.map((c) => r.cells[c.key] ?? ''));
  }

  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, filename: `领导驾驶舱（${d.org.name} ${d.from} 至 ${d.to}）.xlsx` };
}
