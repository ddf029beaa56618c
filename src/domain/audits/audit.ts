/**
 * An economic-responsibility audit (经济责任审计): kinds, and its life — a departure audit raised by a
 * tenure's end starts as a draft the audit officer confirms or dismisses with a reason; an audit
 * in progress is reported (报告, 文书号) and closed when every item is 销号 or the officer closes it.
 */
export const AUDIT_KINDS = { periodic: '定期审计', targeted: '重点审计', departure: '离任审计' } as const;
export type AuditKind = keyof typeof AUDIT_KINDS;
export const AUDIT_KIND_CODES = Object.keys(AUDIT_KINDS) as AuditKind[];

export const AUDIT_STATUSES = {
  draft: '待确认',
  in_progress: '审计中',
  reported: '已出报告',
  closed: '已办结',
  dismissed: '不予审计',
} as const;
export type AuditStatus = keyof typeof AUDIT_STATUSES;

export type AuditAction = 'confirm' | 'dismiss' | 'edit' | 'report' | 'close' | 'add_finding';
const ACTION_TEXT: Record<AuditAction, string> = {
  confirm: '确认',
  dismiss: '不予审计',
  edit: '修改',
  report: '出具审计报告',
  close: '办结',
  add_finding: '登记审计发现',
};

const TRANSITIONS: Record<AuditStatus, Partial<Record<AuditAction, AuditStatus>>> = {
  draft: { confirm: 'in_progress', dismiss: 'dismissed', edit: 'draft' },
  in_progress: { edit: 'in_progress', report: 'reported', add_finding: 'in_progress' },
  reported: { add_finding: 'reported', close: 'closed' },
  closed: {},
  dismissed: {},
};

export function nextAuditStatus(
  from: AuditStatus,
  action: AuditAction,
): { to: AuditStatus } | { problem: string } {
  const to = TRANSITIONS[from][action];
  if (to) return { to };
  return { problem: `该审计项目${AUDIT_STATUSES[from]}，不能${ACTION_TEXT[action]}` };
}

/** 责任层级 of a person responsible for a finding. */
export const RESPONSIBILITY_TIERS = {
  direct: '直接责任',
  supervisory: '主管责任',
  leadership: '领导责任',
} as const;
export type ResponsibilityTier = keyof typeof RESPONSIBILITY_TIERS;

export const SEVERITIES = { minor: '一般', serious: '较重', grave: '严重' } as const;
export type Severity = keyof typeof SEVERITIES;

/** An audit's period and dates: the period ordered, nothing in the future. */
export function auditDatesProblem(opts: {
  periodFrom: string;
  periodTo: string;
  startedOn?: string | null;
  today: string;
}): { field: string; message: string } | null {
  if (opts.periodTo < opts.periodFrom)
    return { field: 'periodTo', message: '审计期间的截止日期不能早于起始日期' };
  if (opts.startedOn && opts.startedOn > opts.today)
    return { field: 'startedOn', message: '进点日期不能晚于今天' };
  return null;
}
