import type ExcelJS from 'exceljs';

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

// the import's error styles live with the platform's import sheets
export { ERROR_FILL, ERROR_FONT, NO_FILL } from '../../../platform/imports/sheet.js';

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
