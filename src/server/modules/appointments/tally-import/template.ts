import { TALLY_COLUMNS, TALLY_SHEET } from '../../../../domain/appointments/tally-sheet.js';
import { ledgerTemplate } from '../../../platform/imports/template.js';

const HELP: Record<string, string> = {
  no: '可不填',
  name: '必填；被推荐人的姓名，须为您管理范围内干部名册中的干部',
  unit: '同名干部有多名时填写其所在单位',
  idNumber: '同名干部有多名时也可填写身份证号码',
  post: '拟任职务的名称，须为本次动议的职务；只有一个职务时可不填',
  votes: '必填；得票数，非负整数，不多于实参加人数',
};

export const tallyTemplate = () => ledgerTemplate(TALLY_SHEET, TALLY_COLUMNS, HELP);
