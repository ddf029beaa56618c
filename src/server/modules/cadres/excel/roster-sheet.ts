import type ExcelJS from 'exceljs';
import { isBlankRow, type RosterCells, type RosterKey } from '../../../../domain/roster-row.js';
import { cellText } from '../../../../domain/sheet-cell.js';
import { badRequest } from '../../../platform/http/errors.js';
import { ERROR_HEADER, keyOfHeader } from './columns.js';

export const SHEET_NAME = '干部花名册';
export const MAX_ROWS = 50_000;
const HEADER_SEARCH = 10; // an export puts a title row above the header

export interface RosterSheet {
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  columns: Map<RosterKey, number>;
  /** The column of an earlier error sheet's reasons, re-used rather than added twice. */
  errorColumn: number | null;
  /** Headers of columns the import does not read (unknown names, a column given twice). */
  ignored: string[];
  lastColumn: number;
  rows: { rowNumber: number; cells: RosterCells }[];
}

function headerOf(row: ExcelJS.Row) {
  const columns = new Map<RosterKey, number>();
  const ignored: string[] = [];
  let errorColumn: number | null = null;
  row.eachCell((cell, col) => {
    const text = cellText(cell.value);
    const key = keyOfHeader(text);
    if (text === ERROR_HEADER) errorColumn = col;
    else if (key && !columns.has(key)) columns.set(key, col);
    else if (text) ignored.push(key ? `${text}（重复的列）` : text);
  });
  return { columns, errorColumn, ignored };
}

const DATE_KEYS: RosterKey[] = ['birthDate', 'partyJoinDate', 'workStartDate', 'tenureStart'];

/**
 * A date cell shown without its day (number format yyyy.mm, yyyy"年"m"月"): Excel stores the first
 * of the month, but the sheet gives the month only, so it is read as 1990.05, not 1990-05-01.
 */
function asShown(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (!(v instanceof Date) || Number.isNaN(v.getTime())) return v;
  const format = (cell.numFmt ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  if (!/y/i.test(format) || /d/i.test(format)) return v;
  return `${v.getUTCFullYear()}.${String(v.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Finds the roster in a workbook: the sheet named 干部花名册 or else the first one, its header row
 * (matched by the column names, in any order) and the rows below it that hold anything.
 */
export function readRosterSheet(wb: ExcelJS.Workbook): RosterSheet {
  const sheet = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!sheet) throw badRequest('工作簿中没有工作表');
  let found: ReturnType<typeof headerOf> | null = null;
  let headerRow = 0;
  for (let r = 1; r <= Math.min(HEADER_SEARCH, sheet.rowCount); r++) {
    const h = headerOf(sheet.getRow(r));
    if (h.columns.has('name') && h.columns.size >= 2) {
      found = h;
      headerRow = r;
      break;
    }
  }
  if (!found)
    throw badRequest(`未找到表头行（应有“姓名”“所在单位”等列），请使用导入模板填写“${SHEET_NAME}”工作表`);
  if (!found.columns.has('org')) throw badRequest('表头中缺少“所在单位”列，请使用导入模板');
  const rows: RosterSheet['rows'] = [];
  const columns = found.columns;
  // only the rows the file holds: a sheet formatted down to row 1,048,576 is not a million rows
  sheet.eachRow((row, r) => {
    if (r <= headerRow) return;
    const cells: RosterCells = {};
    for (const [key, col] of columns) {
      const cell = row.getCell(col);
      cells[key] = DATE_KEYS.includes(key) ? asShown(cell) : cell.value;
    }
    if (!isBlankRow(cells)) rows.push({ rowNumber: r, cells });
  });
  if (rows.length > MAX_ROWS) throw badRequest(`一次最多导入 ${MAX_ROWS} 行，请将表格分成几个文件导入`);
  if (rows.length === 0) throw badRequest('表格中没有干部数据：表头下方没有填写任何行');
  const lastColumn = Math.max(sheet.getRow(headerRow).cellCount, ...found.columns.values());
  return {
    sheet,
    headerRow,
    columns: found.columns,
    errorColumn: found.errorColumn,
    ignored: found.ignored,
    lastColumn,
    rows,
  };
}
