import type { Writable } from 'node:stream';
import type { SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { LEDGER_COLUMNS, LEDGER_SHEET } from '../../../../domain/petition-ledger.js';
import type { Queryable } from '../../../platform/db/client.js';
import { BORDER, styleHeader } from '../../cadres/excel/sheet-style.js';
import type { LedgerLabels } from './labels.js';
import { ledgerCells } from './ledger-cells.js';
import { LEDGER_BATCH, type LedgerCursor, ledgerBatch } from './ledger-rows.js';

const WRAP = new Set([
  'title',
  'content',
  'reports',
  'opinions',
  'reply',
  'declineReason',
  'extensionReason',
]);

/**
 * Streams the 信访台帐 onto `out`: a title row (org and period), the header, then the cases in
 * batches of receipt order. Every cell is text, so dates and numbers read back as written. With
 * `where` null it writes the header alone: the import template.
 */
export async function writeLedgerWorkbook(opts: {
  db: Queryable;
  where: SQL | null;
  out: Writable;
  title: string;
  labels: LedgerLabels;
  today: string;
}): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: opts.out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    style: { numFmt: '@', alignment: { vertical: 'top', wrapText: WRAP.has(c.key) } },
  }));
  const title = ws.getRow(1);
  title.getCell(1).value = opts.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 30;
  ws.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  title.commit();
  const header = ws.getRow(2);
  header.values = LEDGER_COLUMNS.map((c) => c.header);
  styleHeader(header);
  header.eachCell((cell, col) => {
    cell.note = LEDGER_COLUMNS[col - 1].help;
  });
  header.commit();

  let written = 0;
  let cursor: LedgerCursor = null;
  while (opts.where) {
    const batch = await ledgerBatch(opts.db, opts.where, cursor);
    for (const entry of batch) {
      const row = ws.addRow(ledgerCells(entry, ++written, opts.labels, opts.today));
      row.eachCell((cell) => {
        cell.border = BORDER;
      });
      row.commit();
    }
    if (batch.length < LEDGER_BATCH) break;
    const last = batch[batch.length - 1].petition;
    cursor = { receivedOn: last.receivedOn, id: last.id };
  }
  ws.commit();
  await wb.commit();
  return written;
}
