import { DECIDING_BODIES } from '../../../../domain/appointments/authority.js';
import { CASE_LEDGER_COLUMNS, CASE_LEDGER_SHEET } from '../../../../domain/appointments/case-ledger.js';
import { RESPONSIBLE_ROLES } from '../../../../domain/appointments/responsibility.js';
import { APPOINTMENT_METHODS, CANDIDATE_STATUSES } from '../../../../domain/appointments/workflow.js';
import type { App } from '../../../platform/http/types.js';
import { ledgerImportRoutes } from '../../../platform/imports/routes.js';
import { ledgerTemplate } from '../../../platform/imports/template.js';
import { CASE_LEDGER_JOB, importCaseLedger } from './import-ledger.js';

const HELP: Record<string, string> = {
  no: '可不填',
  code: '必填，如 大兴组〔2024〕3号；同一事项的各行填写相同的编号，导入后合为一个事项',
  org: '必填；您管理范围内的单位名称',
  title: '必填',
  method: `必填：${Object.values(APPOINTMENT_METHODS).join(' / ')}`,
  proposedOn: '必填，如 2024-03-01',
  name: '必填；干部名册中的干部姓名',
  post: '必填；职务名录中的职务名称',
  votes: '民主推荐得票数，可不填',
  exam: '公开选拔、竞争上岗的笔试成绩，可不填',
  interview: '公开选拔、竞争上岗的面试成绩，可不填',
  total: '不导入（由笔试、面试成绩和权重得出）',
  rank: '可不填',
  decision: '如 7/0/0（同意/反对/弃权），可不填',
  body: `必填：${Object.values(DECIDING_BODIES).join(' / ')}`,
  notice: '如 大兴组公〔2024〕3号（2024-03-10 至 2024-03-14），可不填',
  dispatch: '如 大兴组干〔2024〕3号（2024-03-20）；已任职的必填',
  status: `必填：${Object.values(CANDIDATE_STATUSES).join(' / ')}`,
  step: '必填：任职 / 已撤销（只导入已办结的事项）',
  responsible: `如 推荐人：张三；承办人：李四（${Object.values(RESPONSIBLE_ROLES).join('、')}）`,
};

/** 选拔任用纪实台帐 import: the template, the all-or-nothing import, its progress and error sheet. */
export async function caseLedgerImportRoutes(app: App) {
  ledgerImportRoutes(app, {
    base: '/api/v1/appointments/ledger',
    tags: ['appointments'],
    access: 'appointment.manage',
    ledger: '选拔任用纪实台帐',
    jobKind: CASE_LEDGER_JOB,
    audit: {
      import: 'appointment.ledger_import',
      errors: 'appointment.ledger_import_errors_download',
    },
    template: () => ledgerTemplate(CASE_LEDGER_SHEET, CASE_LEDGER_COLUMNS, HELP),
    start: importCaseLedger,
  });
}
