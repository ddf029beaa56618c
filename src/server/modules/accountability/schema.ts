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
} from 'drizzle-orm/pg-core';

/**
 * An accountability record (责任追究事项): what happened, on what basis, who decided, and the persons
 * held accountable with their sanctions. A draft (proposal) takes effect when confirmed.
 */
export const accountabilityRecords = pgTable(
  'accountability_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The org whose register holds it: its officers and those above see it. */
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    /** selection_oversight | inspection_error | work_error | last_place | other */
    kind: text('kind').notNull(),
    /** For 工作失误: dictionary work_error_category. */
    category: text('category'),
    title: text('title').notNull(),
    facts: text('facts').notNull(),
    /** The rule or regulation applied, as written; the policy-library policy when there is one. */
    basis: text('basis').notNull(),
    basisPolicyId: bigint('basis_policy_id', { mode: 'number' }),
    decidingBody: text('deciding_body'),
    decidedOn: date('decided_on', { mode: 'string' }),
    /** draft | in_force | dismissed */
    status: text('status').notNull().default('draft'),
    /** The day it was confirmed (took effect) or dismissed, and why it was dismissed. */
    closedOn: date('closed_on', { mode: 'string' }),
    dismissReason: text('dismiss_reason'),
    /** manual | appointment | last_place | import: who put it in the register, and their record. */
    source: text('source').notNull().default('manual'),
    sourceRef: text('source_ref'),
    /** The registry cadres among its persons (kept with them): recusal and the cadres' files read it. */
    subjectCadreIds: bigint('subject_cadre_ids', { mode: 'number' })
      .array()
      .notNull()
      .default(sql`'{}'::bigint[]`),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The day the register files it under (its year filter and order): the decision's date, or the
     * day it was put in the register (China) while undecided. Kept by the database.
     */
    registerOn: date('register_on', { mode: 'string' })
      .notNull()
      .generatedAlwaysAs(sql`coalesce(decided_on, (created_at at time zone 'Asia/Shanghai')::date)`),
  },
  (t) => [
    index('accountability_records_org_idx').on(t.orgId, t.decidedOn),
    // the register's order (undecided drafts first, then newest), with its status and year filters
    // read in the index district-wide; org_id last, so a capped count reads the index only
    index('accountability_records_order_idx').on(sql`(${t.decidedOn} is null)`, t.registerOn, t.id, t.orgId),
    index('accountability_records_status_order_idx').on(
      t.status,
      sql`(${t.decidedOn} is null)`,
      t.registerOn,
      t.id,
      t.orgId,
    ),
    index('accountability_records_subjects_idx').using('gin', t.subjectCadreIds),
  ],
);

/** A person held accountable: a cadre of the registry, or a person outside it named as written. */
export const accountabilityPersons = pgTable(
  'accountability_persons',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    recordId: bigint('record_id', { mode: 'number' }).notNull(),
    cadreId: bigint('cadre_id', { mode: 'number' }),
    name: text('name').notNull(),
    /** 单位及职务 at the time, as written. */
    post: text('post'),
    /** 责任人 / 承办人 / 主要负责人 …, as written. */
    role: text('role'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    index('accountability_persons_record_idx').on(t.recordId),
    index('accountability_persons_cadre_idx').on(t.cadreId),
  ],
);

/**
 * A sanction given to a person. Changed or lifted on 申诉/复查, it stays as history (status changed /
 * lifted, ended_on) and a change adds its replacement (replaces_id), so the eligibility reads what was
 * in force on each day.
 */
export const accountabilitySanctions = pgTable(
  'accountability_sanctions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    recordId: bigint('record_id', { mode: 'number' }).notNull(),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    /** Dictionary accountability_sanction. */
    kind: text('kind').notNull(),
    /** Null in a draft that has no date yet: the decision date when it is confirmed. */
    effectiveFrom: date('effective_from', { mode: 'string' }),
    /** The rule its effect is read from (effectRuleKey), checked to exist when written. */
    ruleKey: text('rule_key').notNull(),
    /** For 年度考核不称职: the year graded. */
    gradeYear: integer('grade_year'),
    /** For 撤销任免决定: the tenures it ends. */
    tenureIds: bigint('tenure_ids', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    note: text('note'),
    /** in_force | changed | lifted */
    status: text('status').notNull().default('in_force'),
    endedOn: date('ended_on', { mode: 'string' }),
    /** appeal | review | other, and the reason, of the change or lift that ended it. */
    endGround: text('end_ground'),
    endReason: text('end_reason'),
    replacesId: bigint('replaces_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('accountability_sanctions_record_idx').on(t.recordId),
    index('accountability_sanctions_person_idx').on(t.personId),
  ],
);

/** The record's timeline: each step, who took it and when, with its reason. */
export const accountabilityEvents = pgTable(
  'accountability_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    recordId: bigint('record_id', { mode: 'number' }).notNull(),
    /** propose | create | update | confirm | dismiss | change_sanction | lift_sanction | import */
    action: text('action').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: bigint('user_id', { mode: 'number' }),
    userName: text('user_name'),
    reason: text('reason'),
    detail: jsonb('detail'),
  },
  (t) => [index('accountability_events_record_idx').on(t.recordId, t.id)],
);
