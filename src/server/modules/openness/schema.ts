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
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The openness catalogue (公开目录): one openness item type (公开事项) with the standard catalogue
 * columns and its timing rule. `org_id` null: the default catalogue every township and village uses;
 * a township may add its own types (org_id = the township).
 */
export const disclosureItemTypes = pgTable(
  'disclosure_item_types',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: bigint('org_id', { mode: 'number' }),
    /** 公开层级 of the units that publish it: township | department | village. */
    level: text('level').notNull(),
    name: text('name').notNull(),
    /** 公开内容(要素). */
    content: text('content').notNull(),
    /** 公开依据. */
    basis: text('basis').notNull(),
    /** 公开时限, as the catalogue states it. */
    timeLimit: text('time_limit').notNull(),
    /** 公开主体. */
    subject: text('subject').notNull(),
    /** 公开渠道和载体. */
    channel: text('channel').notNull(),
    /** 公开对象. */
    audience: text('audience').notNull(),
    /** 公开方式: active (主动) | on_request (依申请). */
    mode: text('mode').notNull().default('active'),
    /** monthly | quarterly | within_days | within_working_days | none (see domain/openness/timing). */
    timing: text('timing').notNull(),
    /** The rule (platform/rules) giving the timing's number of days. */
    ruleKey: text('rule_key'),
    /** 办事程序: its items carry the structured 依据, 条件, 程序 and 时限 (`disclosures.procedure`). */
    procedure: boolean('procedure').notNull().default(false),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('disclosure_item_types_level_idx').on(t.level, t.sort)],
);

/**
 * What a unit owes: one item type for one period (`period` 2026-03 / 2026-Q1) or one matter (a
 * decision on `decided_on`), due on `due_on`. Published when a disclosure of it is published;
 * escalated once to the township when still unpublished after `due_on`.
 */
export const disclosureDueItems = pgTable(
  'disclosure_due_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    itemTypeId: bigint('item_type_id', { mode: 'number' }).notNull(),
    period: text('period'),
    matter: text('matter'),
    decidedOn: date('decided_on', { mode: 'string' }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    disclosureId: bigint('disclosure_id', { mode: 'number' }),
    publishedOn: date('published_on', { mode: 'string' }),
    escalatedOn: date('escalated_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('disclosure_due_items_period_uq')
      .on(t.orgId, t.itemTypeId, t.period)
      .where(sql`period is not null`),
    index('disclosure_due_items_open_idx').on(t.dueOn).where(sql`published_on is null`),
    index('disclosure_due_items_org_idx').on(t.orgId, t.dueOn),
  ],
);

/** A published (or to be published) openness item, with the standard metadata. */
export const disclosures = pgTable(
  'disclosures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    itemTypeId: bigint('item_type_id', { mode: 'number' }).notNull(),
    dueItemId: bigint('due_item_id', { mode: 'number' }),
    period: text('period'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** 财务收支: { lines: [{ kind, item, amount }], totalIncome, totalExpense, balance }. */
    finance: jsonb('finance'),
    /** 办事程序 (items of a procedure type): { basis 依据, conditions 条件, steps 程序, timeLimit 时限 }. */
    procedure: jsonb('procedure'),
    /**
     * 修订 of a published village item waiting for the 村务监督委员会: { title, body, finance, note,
     * userId, at }; the published text stays as it is until the approved revision is published.
     */
    revision: jsonb('revision'),
    /** The pending revision's review: in_review | returned | approved (null: none). */
    revisionStatus: text('revision_status'),
    /** 索引号, given at publication. */
    indexNo: text('index_no'),
    /** 发布机构. */
    issuingBody: text('issuing_body').notNull(),
    /** 发文日期. */
    issuedOn: date('issued_on', { mode: 'string' }),
    /** 文号. */
    docNumber: text('doc_number'),
    status: text('status').notNull().default('draft'),
    publishedOn: date('published_on', { mode: 'string' }),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawReason: text('withdraw_reason'),
    /** The title's and body's search tokens (domain/search-tokens), written at publication for the portal's search. */
    searchTokens: text('search_tokens').array().notNull().default([]),
    /** 定时公开: published by the `disclosure.publish_scheduled` job at or after this time. */
    publishAt: timestamp('publish_at', { withTimezone: true }),
    scheduledBy: bigint('scheduled_by', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('disclosures_org_idx').on(t.orgId, t.status),
    index('disclosures_review_idx').on(t.status).where(sql`status = 'in_review'`),
    index('disclosures_revision_review_idx').on(t.revisionStatus).where(sql`revision_status = 'in_review'`),
    index('disclosures_publish_at_idx').on(t.publishAt).where(sql`publish_at is not null`),
    uniqueIndex('disclosures_index_no_uq').on(t.indexNo),
    // the portal's unit board: what the public may see of a unit, newest first (an item without its
    // date last, as the board's query orders: `newestFirst`), per item type
    index('disclosures_portal_idx')
      .on(t.orgId, t.itemTypeId, t.publishedOn.desc().nullsLast(), t.id.desc())
      .where(sql`status in ('published', 'withdrawn')`),
    index('disclosures_portal_search_idx').using('gin', t.searchTokens).where(sql`status = 'published'`),
    // the portal search of a common phrase: published items newest first, walked until the page is full
    index('disclosures_published_order_idx')
      .on(t.publishedOn.desc().nullsLast(), t.id.desc())
      .where(sql`status = 'published'`),
  ],
);

/** Each step of a disclosure: who, when, from which status to which, and the reason where one is asked. */
export const disclosureEvents = pgTable(
  'disclosure_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    disclosureId: bigint('disclosure_id', { mode: 'number' }).notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    userId: bigint('user_id', { mode: 'number' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('disclosure_events_disclosure_idx').on(t.disclosureId, t.at)],
);

/**
 * The published text of a disclosure, one row per version: version 1 at publication, one more each
 * time a published item's text or finance table is changed (修订), with who, when and why. The
 * admin UI shows the diff between consecutive versions.
 */
export const disclosureVersions = pgTable(
  'disclosure_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    disclosureId: bigint('disclosure_id', { mode: 'number' }).notNull(),
    no: integer('no').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    finance: jsonb('finance'),
    note: text('note'),
    userId: bigint('user_id', { mode: 'number' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('disclosure_versions_no_uq').on(t.disclosureId, t.no)],
);

/** 公开栏照片和附件: a photo of the physical board (dated: the day it was taken) or a file, as evidence on an item. */
export const disclosureAttachments = pgTable(
  'disclosure_attachments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    disclosureId: bigint('disclosure_id', { mode: 'number' }).notNull(),
    /** photo (公开栏照片) | file (附件). */
    kind: text('kind').notNull(),
    /** The day the photo was taken (the board's dated evidence). */
    takenOn: date('taken_on', { mode: 'string' }),
    caption: text('caption'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('disclosure_attachments_disclosure_idx').on(t.disclosureId)],
);
