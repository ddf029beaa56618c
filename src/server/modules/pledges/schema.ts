import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * 任期承诺: a village cadre's pledge for one term, tied to the registry's tenure of the village post.
 * `orgId` is the village (the tenure's org) and decides scope; the cadre is the subject (recusal).
 * 述诺 (the year-end report) and 评诺 (the villagers' appraisal tallies) are kept on it.
 */
export const pledges = pgTable(
  'pledges',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    cadreId: bigint('cadre_id', { mode: 'number' }).notNull(),
    tenureId: bigint('tenure_id', { mode: 'number' }).notNull(),
    title: text('title').notNull(),
    /** The day it was made public (承诺日期). */
    pledgedOn: date('pledged_on', { mode: 'string' }).notNull(),
    /** 述诺: the year-end report text and its day. */
    report: text('report'),
    reportedOn: date('reported_on', { mode: 'string' }),
    /** 评诺: { satisfied, basic, unsatisfied } votes, with the day, the share and the threshold applied. */
    appraisal: jsonb('appraisal'),
    appraisedOn: date('appraised_on', { mode: 'string' }),
    /** The admonition talk proposed by a failed appraisal. */
    admonitionId: bigint('admonition_id', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pledges_org_idx').on(t.orgId), index('pledges_cadre_idx').on(t.cadreId)],
);

/** An item of a pledge: a measurable target with a due date, optionally weighted among its siblings. */
export const pledgeItems = pgTable(
  'pledge_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    pledgeId: bigint('pledge_id', { mode: 'number' }).notNull(),
    parentId: bigint('parent_id', { mode: 'number' }),
    sort: integer('sort').notNull().default(0),
    title: text('title').notNull(),
    target: text('target').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    weight: numeric('weight', { mode: 'number' }),
  },
  (t) => [index('pledge_items_pledge_idx').on(t.pledgeId), index('pledge_items_due_idx').on(t.dueOn)],
);

/** 践诺: a progress entry on a leaf item — its day, percentage and evidence; entries are never changed. */
export const pledgeProgress = pgTable(
  'pledge_progress',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    pledgeId: bigint('pledge_id', { mode: 'number' }).notNull(),
    itemId: bigint('item_id', { mode: 'number' }).notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    percent: integer('percent').notNull(),
    evidence: text('evidence').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pledge_progress_item_idx').on(t.itemId, t.reportedOn)],
);

/** A file of evidence (佐证材料: a photo, a scan) kept on a progress entry, in the platform's file store. */
export const pledgeAttachments = pgTable(
  'pledge_attachments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    pledgeId: bigint('pledge_id', { mode: 'number' }).notNull(),
    entryId: bigint('entry_id', { mode: 'number' }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pledge_attachments_entry_idx').on(t.pledgeId, t.entryId)],
);
