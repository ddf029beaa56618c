import ExcelJS from 'exceljs';
import { orgLabels } from '../../../../domain/roster-org.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { ROSTER_COLUMNS, type RosterColumn } from './columns.js';
import { dictionaryItems, orgEntries } from './lookups.js';
import { SHEET_NAME } from './roster-sheet.js';
import { styleHeader } from './sheet-style.js';

const LIST_ROWS = 10_000; // rows below the header that get the drop-downs
const GUIDE = [
  '1. 请在“干部花名册”工作表中从第 2 行起逐行填写，一行一名干部；表头不要修改，列的顺序可以调整。',
  '2. 导入时系统逐行校验，只要有一行有误就不导入任何数据，并返回错误清单：有误的行标红，最后一列写明原因；修改后可直接上传错误清单。',
  '3. 日期可写作 1990.01、1990-01、1990/01/15、1990年1月、19900115，或使用 Excel 日期格式。',
  '4. 身份证号码请以文本格式填写（模板中该列已设为文本），否则 Excel 会把后几位变成 0。',
  '5. 所在单位须为您管理范围内的单位，可填写的单位见“可填单位”工作表；同名单位请填写完整路径，如 大兴镇/党政办。',
  '6. 同时填写现任职务和任现职时间的，系统同时建立该干部的任职经历。',
];

/** A drop-down's formula: the values themselves when short, else a range of the 可填单位-like list sheet. */
function listFormula(wb: ExcelJS.Workbook, values: string[], column: number): string {
  const joined = values.join(',');
  if (joined.length <= 250 && !values.some((v) => /[,"]/.test(v))) return `"${joined}"`;
  const lists = wb.getWorksheet('下拉选项') ?? wb.addWorksheet('下拉选项', { state: 'hidden' });
  values.forEach((v, i) => {
    lists.getCell(i + 1, column).value = v;
  });
  const letter = lists.getColumn(column).letter;
  return `'下拉选项'!$${letter}$1:$${letter}$${Math.max(values.length, 1)}`;
}

// present on every worksheet, missing from exceljs's type declarations
const validations = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;

/** The import template: the header, drop-downs from the dictionaries, the guide and the units one may use. */
export async function buildTemplate(ctx: AppContext, actor: Actor): Promise<Buffer> {
  const [dicts, entries] = await Promise.all([dictionaryItems(ctx.db, true), orgEntries(ctx.db, actor)]);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jiandu';
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ROSTER_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: c.text ? { numFmt: '@' } : {},
  }));
  styleHeader(ws.getRow(1));

  const valuesOf = (c: RosterColumn) => {
    if (!c.list) return null;
    return 'fixed' in c.list ? c.list.fixed : dicts[c.list.dictionary].map((i) => i.label);
  };
  ROSTER_COLUMNS.forEach((c, i) => {
    const values = valuesOf(c);
    if (!values) return;
    const letter = ws.getColumn(i + 1).letter;
    validations(ws).add(`${letter}2:${letter}${LIST_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [listFormula(wb, values, i + 1)],
      showErrorMessage: true,
      errorTitle: '输入的值不在列表中',
      error: `请从下拉列表中选择${c.header}`,
    });
  });

  const guide = wb.addWorksheet('填写说明');
  guide.columns = [
    { header: '列名', key: 'header', width: 18 },
    { header: '填写要求', key: 'help', width: 90 },
  ];
  styleHeader(guide.getRow(1));
  for (const c of ROSTER_COLUMNS) guide.addRow({ header: c.header, help: c.help });
  guide.addRow([]);
  for (const line of GUIDE) guide.addRow(['', line]);

  const units = wb.addWorksheet('可填单位');
  units.columns = [{ header: '所在单位（按此填写）', key: 'label', width: 40 }];
  styleHeader(units.getRow(1));
  const labels = orgLabels(entries);
  const inTreeOrder = entries.map((e) => ({ path: e.names.join('/'), label: labels.get(e.id) }));
  inTreeOrder.sort((a, b) => a.path.localeCompare(b.path, 'zh-CN'));
  for (const { label } of inTreeOrder) units.addRow({ label });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
