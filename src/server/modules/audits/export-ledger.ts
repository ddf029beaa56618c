import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { AUDIT_KINDS, SEVERITIES } from '../../../domain/audits/audit.js';
import {
  AUDIT_LEDGER_COLUMNS,
  AUDIT_LEDGER_SHEET,
  closedText,
  continuingText,
  periodText,
} from '../../../domain/audits/audit-ledger.js';
import { bucketBounds } from '../../../domain/audits/clocks.js';
import { fenToYuan } from '../../../domain/audits/outcomes.js';
import { CONTINUE_REASONS, ITEM_STATUSES, type ItemStatus } from '../../../domain/audits/rectification.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { dictLabels } from '../cadres/dict-code.js';
import { BORDER, styleHeader } from '../cadres/excel/sheet-style.js';
import type { ItemListQuery } from './contract.js';
import { evidenceCell, evidenceFilesOf } from './evidence-files.js';
import { itemWhere } from './list-items.js';
import { econAudits as a, auditFindings as f, rectificationItems as i } from './schema.js';

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
    .select({
      i,
      f,
      audit: a.title,
      auditKind: a.kind,
      periodFrom: a.periodFrom,
      periodTo: a.periodTo,
      unit: orgs.name,
    })
    .from(i)
    .innerJoin(f, eq(f.id, i.findingId))
    .innerJoin(a, eq(a.id, i.auditId))
    .leftJoin(orgs, eq(orgs.id, i.unitOrgId))
    .where(where)
    .orderBy(asc(i.issuedOn), asc(i.id));
  const problemTypes = await dictLabels(ctx.db, 'finding_category');
  const files = await evidenceFilesOf(
    ctx.db,
    rows.map((r) => r.i.id),
  );
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(AUDIT_LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = AUDIT_LEDGER_COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    style: { numFmt: '@', alignment: { vertical: 'top', wrapText: true } },
  }));
  ws.getRow(1).getCell(1).value = `审计台帐（${query.year ? `${query.year}年` : `截至 ${today}`}）`;
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, AUDIT_LEDGER_COLUMNS.length);
  const header = ws.getRow(2);
  header.values = AUDIT_LEDGER_COLUMNS.map((c) => c.header);
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
      evidence: evidenceCell(r.i.evidence, files.get(r.i.id)),
      verdict:
        status === 'continuing'
          ? continuingText(
              CONTINUE_REASONS[r.i.continueReason as keyof typeof CONTINUE_REASONS] ?? '',
              r.i.nextCheckpoint,
            )
          : (r.i.verdict ?? ITEM_STATUSES[status] ?? ''),
      closed: status === 'closed' ? closedText(r.i.closedOn) : '',
      audit: r.audit,
      unit: r.unit ?? '',
      auditKind: AUDIT_KINDS[r.auditKind as keyof typeof AUDIT_KINDS] ?? r.auditKind,
      period: periodText(r.periodFrom, r.periodTo),
      issuedOn: r.i.issuedOn,
      problemType: problemTypes.get(r.f.problemType) ?? r.f.problemType,
      severity: SEVERITIES[r.f.severity as keyof typeof SEVERITIES] ?? r.f.severity,
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
