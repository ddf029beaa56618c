import { AUDIT_KINDS, SEVERITIES } from '../../../../domain/audits/audit.js';
import { AUDIT_LEDGER_COLUMNS, AUDIT_LEDGER_SHEET } from '../../../../domain/audits/audit-ledger.js';
import { CONTINUE_REASONS, ITEM_STATUSES } from '../../../../domain/audits/rectification.js';
import { ledgerTemplate } from '../../../platform/imports/template.js';

const HELP: Record<string, string> = {
  no: '可不填',
  summary: '必填；每行一个审计发现的问题（一个整改事项）',
  description: '必填',
  amount: '以元为单位，最多两位小数，如 36000.00；可不填',
  basis: '必填',
  recommendation: '必填',
  measures: '已制定整改方案的必填（整改措施、责任单位、责任人、整改时限）',
  deadline: '如 2025-06-30',
  evidence: '申请销号和已销号的必填',
  verdict: `${Object.values(ITEM_STATUSES).join(' / ')}，或“持续整改（${Object.values(CONTINUE_REASONS).join('/')}，下一检查节点 2026-06-30）”；不填时按是否已有整改措施判断`,
  closed: '已销号的填写“已销号 2025-06-30”，未销号的留空',
  audit: '必填；同一审计项目的各行填写相同的名称，导入后合为一个审计项目',
  unit: '必填；您管理范围内的单位名称',
  auditKind: `${Object.values(AUDIT_KINDS).join(' / ')}，不填为定期审计`,
  period: '如 2022-01-01至2023-12-31；不填按首次下发当年 1 月 1 日至下发日期',
  issuedOn: '必填，整改事项下发的日期，如 2024-05-10',
  problemType: '审计问题类别（如 专项资金），不填为其他',
  severity: `${Object.values(SEVERITIES).join(' / ')}，不填为一般`,
};

export const auditLedgerTemplate = () => ledgerTemplate(AUDIT_LEDGER_SHEET, AUDIT_LEDGER_COLUMNS, HELP);
