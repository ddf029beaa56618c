import { AUDIT_KINDS, AUDIT_STATUSES, SEVERITIES } from '../../../domain/audits/audit.js';
import { BUCKETS, type Bucket, bucketOf, itemDueOn } from '../../../domain/audits/clocks.js';
import { fenToYuan } from '../../../domain/audits/outcomes.js';
import { CONTINUE_REASONS, ITEM_STATUSES, type ItemStatus } from '../../../domain/audits/rectification.js';
import type { WorkCalendar } from '../../../domain/calendar.js';
import type { AuditRow, ItemRow } from './access.js';

export const yuanOrNull = (fen: number | null) => (fen === null ? null : fenToYuan(fen));

export const auditSummary = (a: AuditRow, orgName: string | null, cadreName: string | null) => ({
  id: a.id,
  orgId: a.orgId,
  orgName,
  kind: a.kind,
  kindLabel: AUDIT_KINDS[a.kind as keyof typeof AUDIT_KINDS] ?? a.kind,
  status: a.status,
  statusLabel: AUDIT_STATUSES[a.status as keyof typeof AUDIT_STATUSES] ?? a.status,
  title: a.title,
  subjectCadreId: a.subjectCadreId,
  subjectCadreName: cadreName,
  periodFrom: a.periodFrom,
  periodTo: a.periodTo,
  auditorUserIds: a.auditorUserIds,
  noticeNo: a.noticeNo,
  noticeOn: a.noticeOn,
  startedOn: a.startedOn,
  reportedOn: a.reportedOn,
  reportNo: a.reportNo,
  opinion: a.opinion,
  amount: yuanOrNull(a.amountFen),
  source: a.source,
  closedOn: a.closedOn,
  dismissReason: a.dismissReason,
  version: a.version,
});

export const severityLabel = (s: string) => SEVERITIES[s as keyof typeof SEVERITIES] ?? s;

export function itemSummary(i: ItemRow, today: string, cal: WorkCalendar) {
  const status = i.status as ItemStatus;
  const due = itemDueOn({
    status,
    deadline: i.deadline,
    nextCheckpoint: i.nextCheckpoint,
    planDueOn: i.planDueOn,
  });
  const bucket: Bucket | null = bucketOf(due, today, cal);
  return {
    id: i.id,
    findingId: i.findingId,
    auditId: i.auditId,
    orgId: i.orgId,
    unitOrgId: i.unitOrgId,
    status: i.status,
    statusLabel: ITEM_STATUSES[status] ?? i.status,
    issuedOn: i.issuedOn,
    planDueOn: i.planDueOn,
    measures: i.measures,
    responsibleUnit: i.responsibleUnit,
    responsiblePerson: i.responsiblePerson,
    deadline: i.deadline,
    progress: i.progress,
    lastReportOn: i.lastReportOn,
    nextReportDue: i.nextReportDue,
    reportOverdue:
      status !== 'closed' && status !== 'applied' && !!i.nextReportDue && i.nextReportDue < today,
    evidence: i.evidence,
    appliedOn: i.appliedOn,
    continueReason: i.continueReason,
    continueReasonLabel: i.continueReason
      ? (CONTINUE_REASONS[i.continueReason as keyof typeof CONTINUE_REASONS] ?? i.continueReason)
      : null,
    nextCheckpoint: i.nextCheckpoint,
    verdict: i.verdict,
    closedOn: i.closedOn,
    dueOn: due,
    bucket,
    bucketLabel: bucket ? BUCKETS[bucket] : null,
    version: i.version,
  };
}
