import type ExcelJS from 'exceljs';

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Light red with dark red text, Excel's own "bad" style: the rows an import refused. */
export const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
export const ERROR_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };
export const NO_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'none' };

/** The header row: bold on grey, centred, bordered. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.height = 24;
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = BORDER;
  });
}
