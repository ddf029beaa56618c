import ExcelJS from 'exceljs';
import {
  ADMONITION_LEDGER_COLUMNS,
  ADMONITION_LEDGER_SHEET,
} from '../../../../domain/admonitions/admonition-ledger.js';
import {
  ADMONITION_KINDS,
  ADMONITION_SOURCES,
  ADMONITION_STATUSES,
  ORG_MEASURES,
} from '../../../../domain/admonitions/admonition-workflow.js';
import { styleHeader } from '../../cadres/excel/sheet-style.js';

const HELP: Record<string, string> = {
  code: '可不填：不填的按立项年份自动编号；填写的须未登记过',
  name: '必填；在您管理范围内同名多人时，请填写“单位”或在最后加一列“身份证号码”',
  unit: '干部所在单位（同名时用于区分）',
  kind: `${Object.values(ADMONITION_KINDS).join(' / ')}，不填为诫勉谈话`,
  source: `${ADMONITION_SOURCES.join(' / ')}，不填为其他`,
  reason: '必填',
  talkOn: '如 2025-03-15；不能晚于今天',
  talkers: '用顿号分隔，人数不少于谈话规则的要求',
  trackingEndsOn: '不必填写：按谈话当日的规则计算',
  checkIns: '已进行次数/应进行次数，如 6/6；已解除诫勉的不填视为全部进行',
  status: Object.values(ADMONITION_STATUSES).join(' / '),
  releasedOn: '已解除诫勉的必填，不能早于跟踪考察期满',
  measure: `${Object.values(ORG_MEASURES).join(' / ')}（已采取组织措施的必填）`,
  measureOn: '已采取组织措施的必填',
  openedOn: '不填为谈话日期；待谈话的必填',
};

/** The 诫勉台帐 import template: the export's layout, empty, with each column's help on its header. */
export async function admonitionLedgerTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(ADMONITION_LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = ADMONITION_LEDGER_COLUMNS.map((c) => ({
    width: c.width,
    style: { numFmt: '@', alignment: { vertical: 'top', wrapText: true } },
  }));
  ws.getRow(1).getCell(1).value = '诫勉台帐（导入模板：请从第 3 行起填写，每行一条）';
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, ADMONITION_LEDGER_COLUMNS.length);
  const header = ws.getRow(2);
  header.values = ADMONITION_LEDGER_COLUMNS.map((c) => c.header);
  styleHeader(header);
  header.eachCell((cell, col) => {
    const help = HELP[ADMONITION_LEDGER_COLUMNS[col - 1].key];
    if (help) cell.note = help;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
