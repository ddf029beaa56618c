import { RECORD_KINDS } from '../../../../domain/accountability/kinds.js';
import {
  ACCOUNTABILITY_LEDGER_COLUMNS,
  ACCOUNTABILITY_LEDGER_SHEET,
} from '../../../../domain/accountability/ledger.js';
import { ledgerTemplate } from '../../../platform/imports/template.js';

const HELP: Record<string, string> = {
  org: '追究事项所属单位（您管理范围内），不填为本单位',
  kind: Object.values(RECORD_KINDS).join(' / '),
  category: '工作失误的填写类别（与系统字典一致）',
  person:
    '一行一人；同一事项的多名被追究人分行填写，事项各列相同。在您管理范围内找到同名干部的关联该干部，否则按非登记人员记录',
  sanctions: '用顿号分隔多项处理，名称与系统字典一致；诫勉请经诫勉台帐导入',
  effectiveFrom: '一个日期（各项处理相同）或每项处理一个日期；不填为决定日期',
  effectEnds: '不必填写：按生效当日的规则计算',
  decidedOn: '必填，不能晚于今天',
  status: '只能导入已生效的追究',
  review: '须为空：有申诉、复查的请在系统中登记',
};

export const accountabilityLedgerTemplate = () =>
  ledgerTemplate(ACCOUNTABILITY_LEDGER_SHEET, ACCOUNTABILITY_LEDGER_COLUMNS, HELP);
