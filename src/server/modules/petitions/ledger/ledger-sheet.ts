import type ExcelJS from 'exceljs';
import {
  ERROR_HEADER,
  LEDGER_KEYS,
  LEDGER_SHEET,
  type LedgerCells,
  type LedgerKey,
  ledgerKeyOfHeader,
} from '../../../../domain/petition-ledger.js';
import { cellText } from '../../../../domain/sheet-cell.js';
import { badRequest } from '../../../platform/http/errors.js';

export const MAX_LEDGER_ROWS = 5000;
const HEADER_SEARCH = 10; // the export puts a title row above the header
const REQUIRED: LedgerKey[] = ['receivedOn', 'channel', 'reporterKind', 'title'];

export interface LedgerSheet {
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  /** The column of an earlier error sheet's reasons, re-used rather than added twice. */
  errorColumn: number | null;
  lastColumn: number;
  rows: { rowNumber: number; cells: LedgerCells }[];
}

function headerOf(row: ExcelJS.Row) {
  const columns = new Map<LedgerKey, number>();
  let errorColumn: number | null = null;
  row.eachCell((cell, col) => {
    const text = cellText(cell.value);
    const key = ledgerKeyOfHeader(text);
    if (key && !columns.has(key)) columns.set(key, col);
    if (text === ERROR_HEADER) errorColumn = col;
  });
  return { columns, errorColumn };
}

const blank = (cells: LedgerCells) => LEDGER_KEYS.every((k) => k === 'seq' || cellText(cells[k]) === '');

/**
 * Finds the ledger in a workbook: the sheet named 信访台帐 or else the first one, its header row
 * (matched by column names, in any order, below a title row or not) and the rows that hold anything.
 */
export function readLedgerSheet(wb: ExcelJS.Workbook): LedgerSheet {
  const sheet = wb.getWorksheet(LEDGER_SHEET) ?? wb.worksheets[0];
  if (!sheet) throw badRequest('工作簿中没有工作表');
  let found: ReturnType<typeof headerOf> | null = null;
  let headerRow = 0;
  for (let r = 1; r <= Math.min(HEADER_SEARCH, sheet.rowCount); r++) {
    const h = headerOf(sheet.getRow(r));
    if (h.columns.has('receivedOn') && h.columns.size >= 3) {
      found = h;
      headerRow = r;
      break;
    }
  }
  if (!found) throw badRequest(`未找到表头行（应有“收件日期”“来源渠道”等列），请使用导出的台帐或导入模板`);
  const missing = REQUIRED.filter((k) => !found.columns.has(k));
  if (missing.length) {
    const names = {
      receivedOn: '收件日期',
      channel: '来源渠道',
      reporterKind: '反映人类别',
      title: '反映事由',
    };
    throw badRequest(
      `表头中缺少${missing.map((k) => `“${names[k as keyof typeof names]}”`).join('')}列，请使用导入模板`,
    );
  }
  const rows: LedgerSheet['rows'] = [];
  sheet.eachRow((row, r) => {
    if (r <= headerRow) return;
    const cells: LedgerCells = {};
    for (const [key, col] of found.columns) cells[key] = row.getCell(col).value;
    if (!blank(cells)) rows.push({ rowNumber: r, cells });
  });
  if (rows.length > MAX_LEDGER_ROWS)
    throw badRequest(`一次最多导入 ${MAX_LEDGER_ROWS} 行，请分成几个文件导入`);
  if (rows.length === 0) throw badRequest('表格中没有信访件：表头下方没有填写任何行');
  const lastColumn = Math.max(sheet.getRow(headerRow).cellCount, ...found.columns.values());
  return { sheet, headerRow, errorColumn: found.errorColumn, lastColumn, rows };
}
