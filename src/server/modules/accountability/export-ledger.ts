import ExcelJS from 'exceljs';
import { RECORD_KINDS, RECORD_STATUSES } from '../../../domain/accountability/kinds.js';
import { ACCOUNTABILITY_LEDGER_COLUMNS } from '../../../domain/accountability/ledger.js';
import { REVIEW_GROUNDS } from '../../../domain/accountability/transitions.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { BORDER, styleHeader } from '../cadres/excel/sheet-style.js';
import type { RecordListQuery } from './contract.js';
import { accountabilityLabels, effectEndsOn } from './labels.js';
import { recordWhere, registerRows } from './list-records.js';

/** The 责任追究台帐's columns (one row per person held accountable), shared with the import. */
export const LEDGER_COLUMNS = ACCOUNTABILITY_LEDGER_COLUMNS;

/** 责任追究台帐 as Excel, with the register's filters; audited with the filters and the row count. */
export async function exportLedger(opts: {
  ctx: AppContext;
  actor: Actor;
  query: Omit<RecordListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;
}): Promise<{ buffer: Buffer; filename: string; rows: number }> {
  const { ctx, actor, query } = opts;
  const [{ rows, people, sanctions }, labels] = await Promise.all([
    registerRows(ctx.db, recordWhere(actor, query)),
    accountabilityLabels(ctx.db),
  ]);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('责任追究台帐', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    style: { numFmt: '@', alignment: { vertical: 'top', wrapText: true } },
  }));
  const today = chinaDate(ctx.clock.now());
  ws.getRow(1).getCell(1).value = `责任追究台帐（${query.year ? `${query.year}年` : `截至 ${today}`}）`;
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  const header = ws.getRow(2);
  header.values = LEDGER_COLUMNS.map((c) => c.header);
  styleHeader(header);
  let n = 0;
  for (const { r, orgName } of rows)
    for (const p of people.filter((x) => x.recordId === r.id)) {
      const mine = sanctions.filter((s) => s.personId === p.id);
      const inForce = mine.filter((s) => s.status === 'in_force');
      const ends: string[] = [];
      for (const s of inForce) {
        const end = await effectEndsOn(ctx, s.kind, s.effectiveFrom);
        if (end) ends.push(end);
      }
      const row = ws.addRow({
        no: String(++n),
        org: orgName ?? '',
        kind: RECORD_KINDS[r.kind as keyof typeof RECORD_KINDS] ?? r.kind,
        category: labels.category(r.category) ?? '',
        title: r.title,
        facts: r.facts,
        basis: r.basis,
        person: p.name,
        post: p.post ?? '',
        role: p.role ?? '',
        sanctions: inForce.map((s) => labels.kind(s.kind)).join('、'),
        effectiveFrom: [...new Set(inForce.map((s) => s.effectiveFrom ?? ''))].join('、'),
        effectEnds: ends.sort().at(-1) ?? '',
        decidingBody: r.decidingBody ?? '',
        decidedOn: r.decidedOn ?? '',
        status: RECORD_STATUSES[r.status as keyof typeof RECORD_STATUSES] ?? r.status,
        review: mine
          .filter((s) => s.status !== 'in_force')
          .map(
            (s) =>
              `${s.endedOn} ${REVIEW_GROUNDS[s.endGround as keyof typeof REVIEW_GROUNDS] ?? ''}${s.status === 'lifted' ? '撤销' : '变更'}${labels.kind(s.kind)}：${s.endReason ?? ''}`,
          )
          .join('；'),
      });
      row.eachCell((cell) => {
        cell.border = BORDER;
      });
    }
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'accountability.ledger_export',
    objectType: 'accountability',
    detail: { ...query, rows: n },
  });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, filename: `责任追究台帐-${query.year ?? today.replaceAll('-', '')}.xlsx`, rows: n };
}
