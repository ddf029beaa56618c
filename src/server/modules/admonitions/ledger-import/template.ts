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
import {
  INQUIRY_LEDGER_COLUMNS,
  INQUIRY_LEDGER_SHEET,
} from '../../../../domain/admonitions/inquiry-ledger.js';
import { INQUIRY_CONCLUSIONS, INQUIRY_SOURCES } from '../../../../domain/admonitions/inquiry-workflow.js';
import { ledgerTemplate } from '../../../platform/imports/template.js';

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

const INQUIRY_HELP: Record<string, string> = {
  code: '可不填：不填的按发函年份自动编号；填写的须未登记过',
  name: '必填；在您管理范围内同名多人时，请填写“单位”或在最后加一列“身份证号码”',
  source: `${INQUIRY_SOURCES.join(' / ')}，不填为其他`,
  petitionCode: '由信访件发出的，填写已登记（或已由信访台帐导入）的信访件编号',
  question: '必填',
  sentOn: '必填，如 2025-03-15',
  dueOn: '不必填写：按发函当日的规则计算',
  repliedOn: '必填',
  onTime: '不必填写',
  endorser: '单位主要负责人姓名',
  endorsedOn: '填写了背书人的必填',
  status: '只能导入已了结的函询',
  conclusion: Object.values(INQUIRY_CONCLUSIONS).join(' / '),
  concludedOn: '必填，不早于回复（背书）日期',
};

export const admonitionLedgerTemplate = () =>
  ledgerTemplate(ADMONITION_LEDGER_SHEET, ADMONITION_LEDGER_COLUMNS, HELP);
export const inquiryLedgerTemplate = () =>
  ledgerTemplate(INQUIRY_LEDGER_SHEET, INQUIRY_LEDGER_COLUMNS, INQUIRY_HELP);
