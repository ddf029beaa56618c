import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * An admonition talk (谈话诫勉 / 提醒谈话) about one cadre: its source, the talk, the tracking plan
 * frozen at the talk (check-ins and reports due), and its end (release or an organizational measure).
 */
export const admonitions = pgTable(
  'admonitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The cadre's org when opened: scope follows it. */
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    cadreId: bigint('cadre_id', { mode: 'number' }).notNull(),
    code: text('code').notNull(),
    kind: text('kind').notNull().default('admonition'), // admonition | reminder
    status: text('status').notNull().default('pending_talk'),
    /** 组织考察 / 民主测评 / 民主生活会 / 动态考核 / 信访 / 审计 / 函询 / 责任追究 … */
    sourceKind: text('source_kind').notNull(),
    /** The record that led to it where it is in the system: petition, inquiry, accountability … */
    sourceRefType: text('source_ref_type'),
    sourceRefId: bigint('source_ref_id', { mode: 'number' }),
    reason: text('reason').notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    talkOn: date('talk_on', { mode: 'string' }),
    talkPlace: text('talk_place'),
    talkers: text('talkers').array().notNull().default(sql`'{}'::text[]`),
    talkRecord: text('talk_record'),
    cadreStatement: text('cadre_statement'),
    /** The day the cadre signed the record (表态签字). */
    acknowledgedOn: date('acknowledged_on', { mode: 'string' }),
    trackingEndsOn: date('tracking_ends_on', { mode: 'string' }),
    checkInDates: date('check_in_dates', { mode: 'string' }).array().notNull().default(sql`'{}'::date[]`),
    reportDates: date('report_dates', { mode: 'string' }).array().notNull().default(sql`'{}'::date[]`),
    checkInsDone: integer('check_ins_done').notNull().default(0),
    nextCheckInOn: date('next_check_in_on', { mode: 'string' }),
    decideBy: date('decide_by', { mode: 'string' }),
    /** The officer who runs the tracking: the check-in to-dos are theirs. */
    responsibleUserId: bigint('responsible_user_id', { mode: 'number' }),
    releasedOn: date('released_on', { mode: 'string' }),
    measureKind: text('measure_kind'), // transfer | removal | removal_higher | demotion
    measureOn: date('measure_on', { mode: 'string' }),
    endNote: text('end_note'),
    escalatedOn: date('escalated_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('admonitions_code_uq').on(t.orgId, t.code),
    index('admonitions_org_idx').on(t.orgId, t.status, t.openedOn),
    // the district's lists: by status and year, newest first
    index('admonitions_status_opened_idx').on(t.status, t.openedOn, t.id),
    index('admonitions_opened_idx').on(t.openedOn, t.id),
    index('admonitions_cadre_idx').on(t.cadreId),
    index('admonitions_source_idx').on(t.sourceRefType, t.sourceRefId),
  ],
);

/** Every step of an admonition: the talk, each check-in (rating + note), each report, the end, escalation. */
export const admonitionEvents = pgTable(
  'admonition_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    admonitionId: bigint('admonition_id', { mode: 'number' }).notNull(),
    action: text('action').notNull(), // open | talk | check_in | report | release | measure | overdue
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    /** For a check-in or a report: the day it was due. */
    dueOn: date('due_on', { mode: 'string' }),
    rating: text('rating'), // 好 | 一般 | 差
    note: text('note'),
    detail: jsonb('detail'),
    userId: bigint('user_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('admonition_events_idx').on(t.admonitionId, t.id)],
);

/** An inquiry (函询 / 向组织说明) to a cadre, its reply, the unit principal's endorsement and the conclusion. */
export const inquiries = pgTable(
  'inquiries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    cadreId: bigint('cadre_id', { mode: 'number' }).notNull(),
    code: text('code').notNull(),
    status: text('status').notNull().default('sent'),
    sourceKind: text('source_kind').notNull(), // 信访 | 审计 | 个人有关事项 | 其他
    /** The petition whose disposal 谈话函询 led to it (its event names the inquiry back). */
    petitionId: bigint('petition_id', { mode: 'number' }),
    question: text('question').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    replyText: text('reply_text'),
    repliedOn: date('replied_on', { mode: 'string' }),
    repliedBy: bigint('replied_by', { mode: 'number' }),
    endorsedBy: bigint('endorsed_by', { mode: 'number' }),
    endorsedAt: timestamp('endorsed_at', { withTimezone: true }),
    endorseNote: text('endorse_note'),
    conclusion: text('conclusion'), // clarified | reminder | admonition | preliminary_check
    concludedOn: date('concluded_on', { mode: 'string' }),
    conclusionNote: text('conclusion_note'),
    admonitionId: bigint('admonition_id', { mode: 'number' }),
    escalatedOn: date('escalated_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inquiries_code_uq').on(t.orgId, t.code),
    index('inquiries_org_idx').on(t.orgId, t.status, t.sentOn),
    index('inquiries_cadre_idx').on(t.cadreId),
    index('inquiries_petition_idx').on(t.petitionId),
  ],
);

export const inquiryEvents = pgTable(
  'inquiry_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    inquiryId: bigint('inquiry_id', { mode: 'number' }).notNull(),
    action: text('action').notNull(), // send | reply | endorse | conclude | overdue
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    note: text('note'),
    userId: bigint('user_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inquiry_events_idx').on(t.inquiryId, t.id)],
);

/** Files of both: the talk record's scan, a cadre's written report, an inquiry reply's evidence. */
export const supervisionAttachments = pgTable(
  'supervision_attachments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    recordType: text('record_type').notNull(), // admonition | inquiry
    recordId: bigint('record_id', { mode: 'number' }).notNull(),
    purpose: text('purpose').notNull(), // talk | report | reply | other
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('supervision_attachments_idx').on(t.recordType, t.recordId)],
);
