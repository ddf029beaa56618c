import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { bucketBounds } from '../../../domain/audits/clocks.js';
import { fenToYuan } from '../../../domain/audits/outcomes.js';
import { CONTINUE_REASONS, ITEM_STATUSES, type ItemStatus } from '../../../domain/audits/rectification.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { BORDER, styleHeader } from '../cadres/excel/sheet-style.js';
import type { ItemListQuery } from './contract.js';
import { itemWhere } from './list-items.js';
import { econAudits as a, auditFindings as f, rectificationItems as i } from './schema.js';

/**
 * The 审计台帐's columns: the thirteen the offices keep, in their order (问题摘要 … 销号), after the
 * row number, then the audit and the unit the row belongs to.
 */
export const LEDGER_COLUMNS: { key: string; header: string; width: number }[] = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'summary', header: '问题摘要', width: 22 },
  { key: 'description', header: '具体描述', width: 36 },
  { key: 'amount', header: '涉及金额', width: 12 },
  { key: 'basis', header: '定性依据', width: 24 },
  { key: 'recommendation', header: '整改建议', width: 28 },
  { key: 'measures', header: '整改措施', width: 28 },
  { key: 'responsibleUnit', header: '责任单位', width: 14 },
  { key: 'responsiblePerson', header: '责任人', width: 10 },
  { key: 'deadline', header: '整改时限', width: 12 },
  { key: 'progress', header: '整改进展', width: 28 },
  { key: 'evidence', header: '证明材料', width: 22 },
  { key: 'verdict', header: '认定', width: 16 },
  { key: 'closed', header: '销号', width: 12 },
  { key: 'audit', header: '审计项目', width: 28 },
  { key: 'unit', header: '整改单位', width: 14 },
];

type LedgerQuery = Omit<ItemListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

/** 审计台帐 as Excel with the findings board's filters; audited with the filters and the row count. */
export async function exportLedger(opts: {
  ctx: AppContext;
  actor: Actor;
  query: LedgerQuery;
}): Promise<{ buffer: Buffer; filename: string; rows: number }> {
  const { ctx, actor, query } = opts;
  const today = chinaDate(ctx.clock.now());
  const where = itemWhere(actor, query, bucketBounds(today, await ctx.calendar.current()));
  const rows = await ctx.db
    .select({ i, f, audit: a.title, unit: orgs.name })
    .from(i)
    .innerJoin(f, eq(f.id, i.findingId))
    .innerJoin(a, eq(a.id, i.auditId))
    .leftJoin(orgs, eq(orgs.id, i.unitOrgId))
    .where(where)
    .orderBy(asc(i.issuedOn), asc(i.id));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('审计台帐', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    style: { numFmt: '@', alignment: { vertical: 'top', wrapText: true } },
  }));
  ws.getRow(1).getCell(1).value = `审计台帐（${query.year ? `${query.year}年` : `截至 ${today}`}）`;
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  const header = ws.getRow(2);
  header.values = LEDGER_COLUMNS.map((c) => c.header);
  styleHeader(header);
  for (const [n, r] of rows.entries()) {
    const status = r.i.status as ItemStatus;
    const row = ws.addRow({
      no: String(n + 1),
      summary: r.f.summary,
      description: r.f.description,
      amount: r.f.amountFen === null ? '' : fenToYuan(r.f.amountFen),
      basis: r.f.basis,
      recommendation: r.f.recommendation,
      measures: r.i.measures ?? '',
      responsibleUnit: r.i.responsibleUnit ?? '',
      responsiblePerson: r.i.responsiblePerson ?? '',
      deadline: r.i.deadline ?? '',
      progress: r.i.progress ?? '',
      evidence: r.i.evidence ?? '',
      verdict:
        status === 'continuing'
          ? `持续整改（${CONTINUE_REASONS[r.i.continueReason as keyof typeof CONTINUE_REASONS] ?? ''}，下一检查节点 ${r.i.nextCheckpoint}）`
          : (r.i.verdict ?? ITEM_STATUSES[status] ?? ''),
      closed: status === 'closed' ? `已销号 ${r.i.closedOn}` : '',
      audit: r.audit,
      unit: r.unit ?? '',
    });
    row.eachCell((cell) => {
      cell.border = BORDER;
    });
  }
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'econ_audit.ledger_export',
    objectType: 'econ_audit',
    detail: { ...query, rows: rows.length },
  });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, filename: `审计台帐-${query.year ?? today.replaceAll('-', '')}.xlsx`, rows: rows.length };
}
