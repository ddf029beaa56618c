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

/** A township's (or the district's) institution (制度): its header; the text lives in its versions. */
export const policies = pgTable(
  'policies',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The org that issued it: its users, the orgs below and (district users) those above see it. */
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    title: text('title').notNull(),
    /** 文号, e.g. 大兴党发〔2025〕3号. */
    number: text('number'),
    issuingBody: text('issuing_body').notNull(),
    category: text('category'),
    /** The latest version's status (现行有效 / 已修订 never / 已废止) and number, kept with each change. */
    status: text('status').notNull().default('in_force'),
    currentVersionNo: integer('current_version_no').notNull().default(1),
    repealedOn: date('repealed_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policies_org_idx').on(t.orgId, t.status)],
);

/** Each adopted text of a policy. A new version marks the one before 已修订; a repeal marks the latest 已废止. */
export const policyVersions = pgTable(
  'policy_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    policyId: bigint('policy_id', { mode: 'number' }).notNull(),
    versionNo: integer('version_no').notNull(),
    adoptedOn: date('adopted_on', { mode: 'string' }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('in_force'),
    body: text('body').notNull(),
    /** Keys of the rule-data entries (platform/rules) this version sources. */
    ruleKeys: text('rule_keys').array().notNull().default(sql`'{}'::text[]`),
    changeNote: text('change_note'),
    /** Optional quiz: pass mark (percent) and single-choice questions with the right option's index. */
    quiz: jsonb('quiz'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('policy_versions_no_uq').on(t.policyId, t.versionNo),
    index('policy_versions_adopted_idx').on(t.adoptedOn),
  ],
);

/** A version given to an org subtree (and optionally only some roles) to read by a due date. */
export const policyReadAssignments = pgTable(
  'policy_read_assignments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    policyId: bigint('policy_id', { mode: 'number' }).notNull(),
    versionId: bigint('version_id', { mode: 'number' }).notNull(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    note: text('note'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policy_read_assignments_policy_idx').on(t.policyId)],
);

/**
 * One person due to read one assignment (应学习), from the day they became due; confirmed (已学习)
 * when they confirm reading and pass the quiz if there is one. Each has its own to-do.
 */
export const policyReads = pgTable(
  'policy_reads',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    assignmentId: bigint('assignment_id', { mode: 'number' }).notNull(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    /** The user's org when they became due (the figures count by it). */
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    dueFrom: date('due_from', { mode: 'string' }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedOn: date('confirmed_on', { mode: 'string' }),
    quizScore: integer('quiz_score'),
    quizAttempts: integer('quiz_attempts').notNull().default(0),
  },
  (t) => [
    uniqueIndex('policy_reads_uq').on(t.assignmentId, t.userId),
    index('policy_reads_user_idx').on(t.userId),
    index('policy_reads_org_idx').on(t.orgId),
  ],
);
