import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const cadreArray = (name: string) =>
  bigint(name, { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`);

/** 审计计划: a year's plan of periodic (定期), targeted (重点) or departure (离任) audits. */
export const auditPlans = pgTable(
  'audit_plans',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_plans_org_idx').on(t.orgId, t.year)],
);

/**
 * 经济责任审计: the subject (a cadre, the audited unit, the period), its auditors and its report. A
 * departure audit raised by a principal's tenure end starts as a draft (`departure_event_id`).
 */
export const econAudits = pgTable(
  'econ_audits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The audited unit: its township's audit officers see it (scope), its unit head never. */
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    planId: bigint('plan_id', { mode: 'number' }),
    /** periodic | targeted | departure */
    kind: text('kind').notNull(),
    /** draft | in_progress | reported | closed | dismissed */
    status: text('status').notNull(),
    title: text('title').notNull(),
    subjectCadreId: bigint('subject_cadre_id', { mode: 'number' }),
    /** The subject cadre (recusal): they and users related to them never see the audit. */
    subjectCadreIds: cadreArray('subject_cadre_ids'),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    auditorUserIds: bigint('auditor_user_ids', { mode: 'number' })
      .array()
      .notNull()
      .default(sql`'{}'::bigint[]`),
    noticeNo: text('notice_no'),
    noticeOn: date('notice_on', { mode: 'string' }),
    startedOn: date('started_on', { mode: 'string' }),
    reportedOn: date('reported_on', { mode: 'string' }),
    /** 审计报告文书号 and the report's stored file. */
    reportNo: text('report_no'),
    reportFileId: bigint('report_file_id', { mode: 'number' }),
    opinion: text('opinion'),
    /** 审计金额 in 分. */
    amountFen: bigint('amount_fen', { mode: 'number' }),
    departureEventId: bigint('departure_event_id', { mode: 'number' }),
    tenureId: bigint('tenure_id', { mode: 'number' }),
    closedOn: date('closed_on', { mode: 'string' }),
    dismissReason: text('dismiss_reason'),
    /** manual | departure | import */
    source: text('source').notNull().default('manual'),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('econ_audits_org_idx').on(t.orgId, t.kind),
    index('econ_audits_subjects_idx').using('gin', t.subjectCadreIds),
    index('econ_audits_departure_idx').on(t.departureEventId),
  ],
);

/** 审计发现 (问题) with its 审计建议 and the people responsible. */
export const auditFindings = pgTable(
  'audit_findings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    auditId: bigint('audit_id', { mode: 'number' }).notNull(),
    /** The unit that rectifies (the audited unit unless said otherwise). */
    unitOrgId: bigint('unit_org_id', { mode: 'number' }).notNull(),
    summary: text('summary').notNull(),
    description: text('description').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    /** 定性依据 */
    basis: text('basis').notNull(),
    /** Dictionary finding_category (问题类型). */
    problemType: text('problem_type').notNull(),
    severity: text('severity').notNull(),
    /** 整改建议 (审计建议) */
    recommendation: text('recommendation').notNull(),
    /** [{ cadreId, name, tier }] */
    responsible: jsonb('responsible').notNull().default([]),
    responsibleCadreIds: cadreArray('responsible_cadre_ids'),
    /** 屡审屡犯: the earlier audit's finding of the same type in the same unit. */
    repeatOfId: bigint('repeat_of_id', { mode: 'number' }),
    foundOn: date('found_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_findings_audit_idx').on(t.auditId),
    index('audit_findings_unit_idx').on(t.unitOrgId, t.problemType),
    index('audit_findings_responsible_idx').using('gin', t.responsibleCadreIds),
  ],
);

/** 整改事项: one per finding, with its guarded lifecycle and clocks. */
export const rectificationItems = pgTable(
  'rectification_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    findingId: bigint('finding_id', { mode: 'number' }).notNull(),
    auditId: bigint('audit_id', { mode: 'number' }).notNull(),
    /** The audit's org (its register): the audit officers' scope reads it. */
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    /** The rectifying unit: its unit head sees and updates the item, never closes it. */
    unitOrgId: bigint('unit_org_id', { mode: 'number' }).notNull(),
    /** issued | rectifying | applied | continuing | closed */
    status: text('status').notNull().default('issued'),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    planDueOn: date('plan_due_on', { mode: 'string' }),
    plannedOn: date('planned_on', { mode: 'string' }),
    measures: text('measures'),
    responsibleUnit: text('responsible_unit'),
    responsiblePerson: text('responsible_person'),
    deadline: date('deadline', { mode: 'string' }),
    progress: text('progress'),
    lastReportOn: date('last_report_on', { mode: 'string' }),
    nextReportDue: date('next_report_due', { mode: 'string' }),
    evidence: text('evidence'),
    evidenceFileIds: bigint('evidence_file_ids', { mode: 'number' })
      .array()
      .notNull()
      .default(sql`'{}'::bigint[]`),
    appliedOn: date('applied_on', { mode: 'string' }),
    continueReason: text('continue_reason'),
    nextCheckpoint: date('next_checkpoint', { mode: 'string' }),
    /** 认定: the last 认定's result text. */
    verdict: text('verdict'),
    closedOn: date('closed_on', { mode: 'string' }),
    closedBy: bigint('closed_by', { mode: 'number' }),
    /** The due day the item must next meet (plan, deadline or checkpoint): the buckets read it. */
    dueOn: date('due_on', { mode: 'string' }),
    /** The audit's subject cadres and the finding's responsible (recusal). */
    subjectCadreIds: cadreArray('subject_cadre_ids'),
    escalated: boolean('escalated').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rectification_items_org_idx').on(t.orgId, t.status, t.dueOn),
    // the findings board (open items by due day): a township's orgs, and the district's in the
    // board's order; org_id in both, so a capped count reads the index only
    index('rectification_items_org_board_idx').on(t.orgId, t.dueOn, t.id).where(sql`status <> 'closed'`),
    index('rectification_items_board_idx').on(t.dueOn, t.id.desc(), t.orgId).where(sql`status <> 'closed'`),
    index('rectification_items_unit_idx').on(t.unitOrgId, t.status),
    index('rectification_items_finding_idx').on(t.findingId),
    index('rectification_items_audit_idx').on(t.auditId),
  ],
);

/** The timeline of an item and of an audit (item_id null for the audit's own steps). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    auditId: bigint('audit_id', { mode: 'number' }).notNull(),
    itemId: bigint('item_id', { mode: 'number' }),
    action: text('action').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: bigint('user_id', { mode: 'number' }),
    userName: text('user_name'),
    reason: text('reason'),
    detail: jsonb('detail'),
  },
  (t) => [index('audit_events_audit_idx').on(t.auditId, t.id), index('audit_events_item_idx').on(t.itemId)],
);

/** 整改成效: an amount (上缴财政, 归还原资金渠道, 调整账项) or a count (移送事项/人员, 完善制度). */
export const auditOutcomes = pgTable(
  'audit_outcomes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    auditId: bigint('audit_id', { mode: 'number' }).notNull(),
    findingId: bigint('finding_id', { mode: 'number' }),
    unitOrgId: bigint('unit_org_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
    count: integer('count').notNull().default(0),
    achievedOn: date('achieved_on', { mode: 'string' }).notNull(),
    note: text('note'),
    /** 移送: the petition (channel audit_referral) the referral opened for the discipline officer. */
    petitionId: bigint('petition_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_outcomes_audit_idx').on(t.auditId)],
);

/** 联席会议: the discipline, organisation and finance heads hear the audits and decide. */
export const jointMeetings = pgTable(
  'joint_meetings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    /** Who attended, as written (name and post). */
    attendees: text('attendees').array().notNull().default(sql`'{}'::text[]`),
    /** The audits reported to the meeting. */
    auditIds: bigint('audit_ids', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    minutes: text('minutes').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('joint_meetings_org_idx').on(t.orgId, t.heldOn)],
);

/** A meeting's decision: who must act (a role of an org) and by when; a to-do until done. */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    meetingId: bigint('meeting_id', { mode: 'number' }).notNull(),
    content: text('content').notNull(),
    assigneeOrgId: bigint('assignee_org_id', { mode: 'number' }).notNull(),
    assigneeRole: text('assignee_role').notNull(),
    /** The person named to act (a holder of the role), when the meeting names one. */
    assigneeUserId: bigint('assignee_user_id', { mode: 'number' }),
    /** The audit the decision concerns (one the meeting heard), if any. */
    auditId: bigint('audit_id', { mode: 'number' }),
    /** The cadres it concerns (the audit's subject, a cadre named): recusal of the to-do and the act. */
    subjectCadreIds: cadreArray('subject_cadre_ids'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    doneNote: text('done_note'),
    doneBy: bigint('done_by', { mode: 'number' }),
  },
  (t) => [index('meeting_decisions_meeting_idx').on(t.meetingId)],
);

/** 跟踪回访: a visit to a unit to check how it carries out the audit's opinions. */
export const followUpVisits = pgTable(
  'follow_up_visits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The township whose officers see it (its scope). */
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    unitOrgId: bigint('unit_org_id', { mode: 'number' }).notNull(),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    visitors: text('visitors').array().notNull().default(sql`'{}'::text[]`),
    checked: text('checked').notNull(),
    itemIds: bigint('item_ids', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    result: text('result').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('follow_up_visits_unit_idx').on(t.unitOrgId, t.visitedOn)],
);

/**
 * A file of 证明材料 (a scan of a receipt, a new regulation …) the rectifying unit attaches to its
 * item, in the platform's file store: 申请销号 counts it as evidence, the 审计台帐 lists it.
 */
export const rectificationAttachments = pgTable(
  'rectification_attachments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    itemId: bigint('item_id', { mode: 'number' }).notNull(),
    auditId: bigint('audit_id', { mode: 'number' }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedOn: date('uploaded_on', { mode: 'string' }).notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rectification_attachments_item_idx').on(t.itemId, t.id)],
);

/** The audit report (审计报告) as a file — a scan of the signed report — beside its 文书号. */
export const auditReportFiles = pgTable(
  'audit_report_files',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    auditId: bigint('audit_id', { mode: 'number' }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedOn: date('uploaded_on', { mode: 'string' }).notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_report_files_audit_idx').on(t.auditId, t.id)],
);
