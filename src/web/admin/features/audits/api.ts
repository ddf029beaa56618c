import { api, type Page, qs } from '../../shared/api';

export const AUDIT_KINDS: Record<string, string> = {
  periodic: '定期审计',
  targeted: '重点审计',
  departure: '离任审计',
};
export const AUDIT_STATUSES: Record<string, string> = {
  draft: '待确认',
  in_progress: '审计中',
  reported: '已出报告',
  closed: '已办结',
  dismissed: '不予审计',
};
export const AUDIT_COLORS: Record<string, string> = {
  draft: 'orange',
  in_progress: 'blue',
  reported: 'green',
  closed: 'default',
  dismissed: 'default',
};
export const ITEM_STATUSES: Record<string, string> = {
  issued: '已下发',
  rectifying: '整改中',
  applied: '申请销号',
  continuing: '持续整改',
  closed: '已销号',
};
export const ITEM_COLORS: Record<string, string> = {
  issued: 'orange',
  rectifying: 'blue',
  applied: 'purple',
  continuing: 'gold',
  closed: 'green',
};
export const BUCKETS: Record<string, string> = {
  overdue: '已超期',
  within10: '10个工作日内到期',
  within20: '20个工作日内到期',
  beyond20: '20个工作日以上',
};
export const BUCKET_COLORS: Record<string, string> = {
  overdue: 'red',
  within10: 'orange',
  within20: 'gold',
  beyond20: 'default',
};
export const SEVERITIES: Record<string, string> = { minor: '一般', serious: '较重', grave: '严重' };
export const TIERS: Record<string, string> = {
  direct: '直接责任',
  supervisory: '主管责任',
  leadership: '领导责任',
};
export const CONTINUE_REASONS: Record<string, string> = {
  institutional: '体制机制',
  historical: '历史遗留',
  litigation: '司法诉讼',
};
export const OUTCOME_KINDS: Record<string, string> = {
  remitted: '上缴财政',
  returned: '归还原资金渠道',
  adjusted: '调整账项',
  referred_matter: '移送事项',
  referred_person: '移送人员',
  policy: '完善制度',
};
export const EVENT_LABELS: Record<string, string> = {
  draft: '生成离任审计（待确认）',
  create: '登记审计项目',
  confirm: '确认审计',
  dismiss: '不予审计',
  report: '出具审计报告',
  add_finding: '登记审计发现并下发整改',
  outcome: '登记整改成效',
  period_corrected: '审计期间随离任日期更正',
  import: '由审计台帐导入',
  import_item: '由审计台帐导入（按台帐中的状态和日期）',
  item_plan: '制定整改方案',
  item_report: '报告整改进展',
  item_apply: '申请销号',
  item_accept: '认定已整改，销号',
  item_continue: '认定持续整改',
  item_return: '认定未整改，退回',
  item_reopen: '抽查复核，重新整改',
};

export interface AuditRow {
  id: number;
  orgId: number;
  orgName: string | null;
  kind: string;
  kindLabel: string;
  status: string;
  statusLabel: string;
  title: string;
  subjectCadreId: number | null;
  subjectCadreName: string | null;
  periodFrom: string;
  periodTo: string;
  noticeNo: string | null;
  startedOn: string | null;
  reportedOn: string | null;
  reportNo: string | null;
  opinion: string | null;
  amount: string | null;
  source: string;
  dismissReason: string | null;
  version: number;
}

export interface ItemRow {
  id: number;
  auditId: number;
  unitOrgId: number;
  status: string;
  statusLabel: string;
  issuedOn: string;
  planDueOn: string | null;
  measures: string | null;
  responsibleUnit: string | null;
  responsiblePerson: string | null;
  deadline: string | null;
  progress: string | null;
  lastReportOn: string | null;
  nextReportDue: string | null;
  reportOverdue: boolean;
  evidence: string | null;
  continueReasonLabel: string | null;
  nextCheckpoint: string | null;
  verdict: string | null;
  closedOn: string | null;
  dueOn: string | null;
  bucket: string | null;
  bucketLabel: string | null;
  version: number;
  summary?: string;
  repeat?: boolean;
  auditTitle?: string;
  unitName?: string | null;
}

export interface Finding {
  id: number;
  summary: string;
  description: string;
  amount: string | null;
  basis: string;
  problemTypeLabel: string;
  severityLabel: string;
  recommendation: string;
  responsible: { cadreId: number | null; name: string; tierLabel: string }[];
  repeat: boolean;
  item: ItemRow | null;
}

export interface Event {
  id: number;
  itemId?: number | null;
  action: string;
  occurredOn: string;
  userName: string | null;
  reason: string | null;
}

export interface AuditDetail extends AuditRow {
  auditors: { id: number; name: string }[];
  /** The report (审计报告) as files. */
  reportFiles: { id: number; fileName: string; uploadedOn: string }[];
  findings: Finding[];
  outcomes: {
    id: number;
    kindLabel: string;
    amount: string | null;
    count: number;
    achievedOn: string;
    note: string | null;
    /** 移送: the petition (审计移送) it opened for the discipline officers. */
    petitionId: number | null;
    petitionCode: string | null;
  }[];
  tally: Record<string, string | number | null>;
  events: Event[];
}

export interface ItemDetail extends ItemRow {
  unitName: string | null;
  auditTitle: string;
  canVerify: boolean;
  /** 证明材料 as files, each with the day it was attached. */
  evidenceFiles: { id: number; fileName: string; uploadedOn: string }[];
  finding: {
    summary: string;
    description: string;
    amount: string | null;
    basis: string;
    severityLabel: string;
    recommendation: string;
    repeat: boolean;
  };
  events: Event[];
}

export interface AuditFilter {
  kind?: string;
  status?: string;
  year?: number;
  q?: string;
}
export interface ItemFilter {
  status?: string;
  bucket?: string;
  open?: 'true' | 'false';
  queue?: 'true';
  q?: string;
  year?: number;
}

export const fetchAudits = (q: AuditFilter & { page: number; pageSize: number }) =>
  api<Page<AuditRow>>('GET', `/api/v1/econ-audits${qs({ ...q })}`);
export const fetchAudit = (id: number) => api<AuditDetail>('GET', `/api/v1/econ-audits/${id}`);
export const createAudit = (body: Record<string, unknown>) =>
  api<AuditDetail>('POST', '/api/v1/econ-audits', body);
export const auditStep = (id: number, step: string, body: Record<string, unknown>) =>
  api<AuditDetail>('POST', `/api/v1/econ-audits/${id}/${step}`, body);
export const fetchItems = (q: ItemFilter & { page: number; pageSize: number }) =>
  api<Page<ItemRow>>('GET', `/api/v1/rectification-items${qs({ ...q })}`);
export const fetchItem = (id: number) => api<ItemDetail>('GET', `/api/v1/rectification-items/${id}`);
export const itemStep = (id: number, body: Record<string, unknown>) =>
  api<ItemDetail>('POST', `/api/v1/rectification-items/${id}/steps`, body);
export const ledgerUrl = (f: ItemFilter) => `/api/v1/rectification-items/ledger.xlsx${qs({ ...f })}`;

export interface PlanRow {
  id: number;
  orgId: number;
  orgName: string | null;
  year: number;
  kind: string;
  title: string;
  note: string | null;
}
export const fetchPlans = (year?: number) =>
  api<{ items: PlanRow[] }>('GET', `/api/v1/audit-plans${year ? `?year=${year}` : ''}`);
