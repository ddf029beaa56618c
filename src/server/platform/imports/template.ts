import ExcelJS from 'exceljs';

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };

/**
 * An import template: the ledger's export layout (title row, header row), empty, every cell text,
 * with each column's help as a note on its header.
 */
export async function ledgerTemplate(
  sheetName: string,
  columns: readonly { key: string; header: string; width: number }[],
  help: Record<string, string>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({
    width: c.width,
    style: { numFmt: '@', alignment: { vertical: 'top', wrapText: true } },
  }));
  ws.getRow(1).getCell(1).value = `${sheetName}（导入模板：请从第 3 行起填写，每行一条）`;
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, columns.length);
  const header = ws.getRow(2);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 24;
  header.eachCell((cell, col) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
    const text = help[columns[col - 1].key];
    if (text) cell.note = text;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
