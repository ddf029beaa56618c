import type ExcelJS from 'exceljs';
import { cellText } from '../../../domain/sheet-cell.js';
import { badRequest } from '../http/errors.js';

/** Light red with dark red text, Excel's own "bad" style: the rows an import refused. */
export const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
export const ERROR_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };
export const NO_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'none' };
/** The last column of an error sheet: each bad row's reasons. */
export const ERROR_HEADER = '错误原因';

export interface ImportSheet<K extends string> {
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  /** The column of an earlier error sheet's reasons, re-used rather than added twice. */
  errorColumn: number | null;
  lastColumn: number;
  rows: { rowNumber: number; cells: Partial<Record<K, unknown>> }[];
}

const HEADER_SEARCH = 10; // an export puts a title row above the header

/**
 * Finds a ledger in a workbook: the sheet of that name or else the first one, its header row
 * (matched by column names, in any order, below a title row or not; `anchor` must be among them)
 * and the rows that hold anything besides 序号. Refuses (400, in Chinese) a sheet without the
 * header, without a required column, with no rows, or with more than `maxRows`.
 */
export function readImportSheet<K extends string>(
  wb: ExcelJS.Workbook,
  opts: {
    sheetName: string;
    keyOf: (header: string) => K | undefined;
    headers: Record<string, string>;
    anchor: K;
    required: K[];
    ignoreBlank?: K[];
    maxRows: number;
    noun: string;
  },
): ImportSheet<K> {
  const sheet = wb.getWorksheet(opts.sheetName) ?? wb.worksheets[0];
  if (!sheet) throw badRequest('工作簿中没有工作表');
  let columns: Map<K, number> | null = null;
  let errorColumn: number | null = null;
  let headerRow = 0;
  for (let r = 1; r <= Math.min(HEADER_SEARCH, sheet.rowCount) && !columns; r++) {
    const found = new Map<K, number>();
    let errCol: number | null = null;
    sheet.getRow(r).eachCell((cell, col) => {
      const t = cellText(cell.value);
      const key = opts.keyOf(t);
      if (key && !found.has(key)) found.set(key, col);
      if (t === ERROR_HEADER) errCol = col;
    });
    if (found.has(opts.anchor) && found.size >= 3) {
      columns = found;
      errorColumn = errCol;
      headerRow = r;
    }
  }
  if (!columns)
    throw badRequest(
      `未找到表头行（应有“${opts.headers[opts.anchor]}”等列），请使用导出的${opts.sheetName}或导入模板`,
    );
  const found = columns;
  const missing = opts.required.filter((k) => !found.has(k));
  if (missing.length)
    throw badRequest(`表头中缺少${missing.map((k) => `“${opts.headers[k]}”`).join('')}列，请使用导入模板`);
  const ignore = new Set(opts.ignoreBlank ?? []);
  const rows: ImportSheet<K>['rows'] = [];
  sheet.eachRow((row, r) => {
    if (r <= headerRow) return;
    const cells: Partial<Record<K, unknown>> = {};
    for (const [key, col] of found) cells[key] = row.getCell(col).value;
    if ([...found.keys()].some((k) => !ignore.has(k) && cellText(cells[k]) !== ''))
      rows.push({ rowNumber: r, cells });
  });
  if (rows.length > opts.maxRows) throw badRequest(`一次最多导入 ${opts.maxRows} 行，请分成几个文件导入`);
  if (rows.length === 0) throw badRequest(`表格中没有${opts.noun}：表头下方没有填写任何行`);
  const lastColumn = Math.max(sheet.getRow(headerRow).cellCount, ...found.values());
  return { sheet, headerRow, errorColumn, lastColumn, rows };
}

/**
 * The uploaded sheet handed back with a last column 错误原因: each bad row filled red with its
 * reasons. A corrected error sheet may be uploaded again; its old marks are cleared first.
 */
export async function markErrorSheet(
  wb: ExcelJS.Workbook,
  read: Omit<ImportSheet<string>, 'rows'>,
  bad: Map<number, string[]>,
): Promise<Buffer> {
  const { sheet, headerRow } = read;
  const col = read.errorColumn ?? read.lastColumn + 1;
  const head = sheet.getCell(headerRow, col);
  head.value = ERROR_HEADER;
  head.font = { bold: true, ...ERROR_FONT };
  sheet.getColumn(col).width = 60;
  sheet.eachRow((row, r) => {
    const reasons = bad.get(r);
    const reasonCell = row.getCell(col);
    if (r <= headerRow || (!reasons && !(read.errorColumn && reasonCell.value))) return;
    reasonCell.value = reasons ? reasons.join('；') : null;
    reasonCell.font = reasons ? ERROR_FONT : {};
    reasonCell.alignment = { wrapText: true, vertical: 'top' };
    for (let c = 1; c <= col; c++) row.getCell(c).fill = reasons ? ERROR_FILL : NO_FILL;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
