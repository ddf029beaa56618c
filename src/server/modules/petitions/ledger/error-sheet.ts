import type ExcelJS from 'exceljs';
import { ERROR_HEADER } from '../../../../domain/petition-ledger.js';
import { ERROR_FILL, ERROR_FONT, NO_FILL } from '../../cadres/excel/sheet-style.js';
import type { LedgerSheet } from './ledger-sheet.js';

/**
 * The uploaded ledger handed back with a last column 错误原因: each bad row filled red with its
 * reasons. A corrected error sheet may be uploaded again; its old marks are cleared first.
 */
export async function ledgerErrorSheet(
  wb: ExcelJS.Workbook,
  ledger: LedgerSheet,
  bad: Map<number, string[]>,
) {
  const { sheet, headerRow } = ledger;
  const col = ledger.errorColumn ?? ledger.lastColumn + 1;
  const head = sheet.getCell(headerRow, col);
  head.value = ERROR_HEADER;
  head.font = { bold: true, ...ERROR_FONT };
  sheet.getColumn(col).width = 60;
  sheet.eachRow((row, r) => {
    const reasons = bad.get(r);
    const reasonCell = row.getCell(col);
    if (r <= headerRow || (!reasons && !(ledger.errorColumn && reasonCell.value))) return;
    reasonCell.value = reasons ? reasons.join('；') : null;
    reasonCell.font = reasons ? ERROR_FONT : {};
    reasonCell.alignment = { wrapText: true, vertical: 'top' };
    for (let c = 1; c <= col; c++) row.getCell(c).fill = reasons ? ERROR_FILL : NO_FILL;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
