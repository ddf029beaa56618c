import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * 选拔任用纪实: one selection case, from 动议 to 任职 (or 撤销), with the posts to fill, each step's
 * facts and, for recusal, the registry cadres among its candidates (`subject_cadre_ids`).
 */
export const appointmentCases = pgTable(
  'appointment_cases',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    /** 大兴组〔2026〕3号: unique per org and year. */
    code: text('code').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    /** open_selection | competitive | public_recommendation | org_recommendation */
    method: text('method').notNull(),
    /** proposed | recommended | inspected | decided | noticed | appointed | stopped */
    step: text('step').notNull().default('proposed'),
    /** party_committee | cadre_group | district: checked against the delegated-authority rule. */
    decidingBody: text('deciding_body').notNull(),
    /** The posts to fill (positions of the registry). */
    positionIds: bigint('position_ids', { mode: 'number' }).array().notNull(),
    proposedOn: date('proposed_on', { mode: 'string' }).notNull(),
    plan: text('plan'),
    /** 民主推荐: { kind, due, present, on } */
    recommendation: jsonb('recommendation'),
    /** 考察: { talkedTo, findings, on } */
    inspection: jsonb('inspection'),
    /** 讨论决定: { body, on, membersDue, membersPresent, attendees } */
    meeting: jsonb('meeting'),
    noticeCode: text('notice_code'),
    noticeStartsOn: date('notice_starts_on', { mode: 'string' }),
    noticeEndsOn: date('notice_ends_on', { mode: 'string' }),
    noticeContact: text('notice_contact'),
    dispatchCode: text('dispatch_code'),
    dispatchOn: date('dispatch_on', { mode: 'string' }),
    stoppedOn: date('stopped_on', { mode: 'string' }),
    stopReason: text('stop_reason'),
    subjectCadreIds: bigint('subject_cadre_ids', { mode: 'number' })
      .array()
      .notNull()
      .default(sql`'{}'::bigint[]`),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('appointment_cases_code_uq').on(t.orgId, t.year, t.seq),
    index('appointment_cases_org_idx').on(t.orgId, t.year, t.step),
    // the list's order (newest 动议 first): read in order by the district, per org by a township
    index('appointment_cases_list_idx').on(t.proposedOn, t.id),
    index('appointment_cases_org_list_idx').on(t.orgId, t.proposedOn, t.id),
    index('appointment_cases_subjects_idx').using('gin', t.subjectCadreIds),
    index('appointment_cases_notice_idx').on(t.noticeStartsOn, t.noticeEndsOn),
  ],
);

/** A candidate for one post of the case, and how far they got. */
export const appointmentCandidates = pgTable(
  'appointment_candidates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    cadreId: bigint('cadre_id', { mode: 'number' }).notNull(),
    positionId: bigint('position_id', { mode: 'number' }).notNull(),
    /** recommended | inspected | passed | rejected | stopped | appointed | revoked */
    status: text('status').notNull().default('recommended'),
    recommendVotes: integer('recommend_votes'),
    examScore: numeric('exam_score', { mode: 'number' }),
    interviewScore: numeric('interview_score', { mode: 'number' }),
    rank: integer('rank'),
    approve: integer('approve'),
    oppose: integer('oppose'),
    abstain: integer('abstain'),
    /** Decided although eligibility blocked them: the reason and who recorded it (audited). */
    overrideReason: text('override_reason'),
    overrideBy: bigint('override_by', { mode: 'number' }),
    integrityOpinion: text('integrity_opinion'),
    integrityOn: date('integrity_on', { mode: 'string' }),
    /** The tenure 任职 created, and its revocation. */
    tenureId: bigint('tenure_id', { mode: 'number' }),
    probationEnd: date('probation_end', { mode: 'string' }),
    revokedOn: date('revoked_on', { mode: 'string' }),
    revokeReason: text('revoke_reason'),
    stopReason: text('stop_reason'),
    elected: boolean('elected').notNull().default(false),
  },
  (t) => [
    index('appointment_candidates_case_idx').on(t.caseId),
    index('appointment_candidates_cadre_idx').on(t.cadreId, t.status),
  ],
);

/** Who answered for each step: 推荐人, 考察组成员, 承办人, 决定责任人 — a cadre, or a name as written. */
export const appointmentResponsibles = pgTable(
  'appointment_responsibles',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    /** recommender | inspector | handler | decider */
    role: text('role').notNull(),
    cadreId: bigint('cadre_id', { mode: 'number' }),
    name: text('name').notNull(),
  },
  (t) => [index('appointment_responsibles_case_idx').on(t.caseId)],
);

/** The discipline officer's conclusion on a report about a person under notice (公示–举报 interlock). */
export const appointmentObjections = pgTable(
  'appointment_objections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    candidateId: bigint('candidate_id', { mode: 'number' }).notNull(),
    petitionId: bigint('petition_id', { mode: 'number' }).notNull(),
    /** no_effect (不影响任用) | affects (影响任用) */
    outcome: text('outcome').notNull(),
    reason: text('reason').notNull(),
    concludedOn: date('concluded_on', { mode: 'string' }).notNull(),
    userId: bigint('user_id', { mode: 'number' }),
  },
  (t) => [uniqueIndex('appointment_objections_uq').on(t.candidateId, t.petitionId)],
);

/** The case's timeline. */
export const appointmentEvents = pgTable(
  'appointment_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    action: text('action').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: bigint('user_id', { mode: 'number' }),
    userName: text('user_name'),
    reason: text('reason'),
    detail: jsonb('detail'),
  },
  (t) => [index('appointment_events_case_idx').on(t.caseId, t.id)],
);

/**
 * 公开选拔 / 竞争上岗: one registration (报名) for one post of the case — a registry cadre, or for
 * 公开选拔 a person outside the registry with the facts the qualification check needs — with the
 * qualification check (资格审查) and the exam and interview scores.
 */
export const appointmentRegistrants = pgTable(
  'appointment_registrants',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    positionId: bigint('position_id', { mode: 'number' }).notNull(),
    cadreId: bigint('cadre_id', { mode: 'number' }),
    /** The registry's name, or the name as written for a person outside it. */
    name: text('name').notNull(),
    /** Outside the registry: { gender, birthDate, education, currentPost, politicalStatus } */
    facts: jsonb('facts'),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    /** passed | failed, null while not checked */
    qualification: text('qualification'),
    qualificationReason: text('qualification_reason'),
    qualifiedBy: bigint('qualified_by', { mode: 'number' }),
    /** The system's verdict when checked (eligible | blocked | undetermined), and its reasons. */
    eligibilityVerdict: text('eligibility_verdict'),
    eligibilityReasons: text('eligibility_reasons'),
    /** Passed although the system found them blocked: the reason and who recorded it (audited). */
    overrideReason: text('override_reason'),
    overrideBy: bigint('override_by', { mode: 'number' }),
    examScore: numeric('exam_score', { mode: 'number' }),
    interviewScore: numeric('interview_score', { mode: 'number' }),
    /** 报名撤回: the day, the reason and who recorded it; a withdrawn registrant takes no further step. */
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawReason: text('withdraw_reason'),
    withdrawnBy: bigint('withdrawn_by', { mode: 'number' }),
  },
  (t) => [
    index('appointment_registrants_case_idx').on(t.caseId),
    uniqueIndex('appointment_registrants_cadre_uq')
      .on(t.caseId, t.positionId, t.cadreId)
      .where(sql`${t.cadreId} is not null`),
  ],
);

/** 工作方案 as files of a case (the 动议's plan: the scanned or drafted document), in upload order. */
export const appointmentPlanFiles = pgTable(
  'appointment_plan_files',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedOn: date('uploaded_on', { mode: 'string' }).notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appointment_plan_files_case_idx').on(t.caseId, t.id)],
);
