import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * 信访举报件. `orgId` is the township (or district) that handles it and decides data scope. The
 * reporter's identity is never stored in plain text: `reporterEnc` is SM4-encrypted JSON (name,
 * phone, ID number, address, work unit) with an HMAC-SM3 integrity tag; only the permission
 * petition.reveal_identity decrypts it, with a reason, audited.
 */
export const petitions = pgTable(
  'petitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    code: text('code').notNull(), // 登记编号, e.g. XF2026-0012 (unique per org)
    channel: text('channel').notNull(), // letter | visit | phone | online | assigned | transferred
    visitors: integer('visitors'), // 来访人数 (visit)
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    assignedBy: text('assigned_by'), // 交办机关
    assignedRef: text('assigned_ref'), // 交办文号
    assignedDueOn: date('assigned_due_on', { mode: 'string' }),
    transferredFrom: text('transferred_from'),
    realName: boolean('real_name').notNull().default(false),
    reporterEnc: text('reporter_enc'),
    title: text('title').notNull(), // 反映事由 (short)
    content: text('content').notNull(), // 反映内容
    category: text('category'), // dictionary petition_category
    /** Bigrams and words of title, content and reply, for Chinese full-text search (GIN). */
    searchTokens: text('search_tokens').array().notNull().default([]),
    status: text('status').notNull().default('registered'),
    disposal: text('disposal'), // talk_inquiry | preliminary_check | hold | close
    investigatorUserId: bigint('investigator_user_id', { mode: 'number' }),
    /** A unit (department or village) the case is handed to; its head sees and handles it. */
    assignedUnitOrgId: bigint('assigned_unit_org_id', { mode: 'number' }),
    /**
     * 回避上移: the org above `orgId` the case went up to because every holder of petition.handle
     * at its own level must recuse (see docs/decisions/recusal.md); its step to-dos are addressed
     * there. Null: handled at its own level.
     */
    recusalOrgId: bigint('recusal_org_id', { mode: 'number' }),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    declinedOn: date('declined_on', { mode: 'string' }),
    declineReason: text('decline_reason'),
    reportedOn: date('reported_on', { mode: 'string' }),
    approvedOn: date('approved_on', { mode: 'string' }),
    repliedOn: date('replied_on', { mode: 'string' }),
    reply: text('reply'),
    concludedOn: date('concluded_on', { mode: 'string' }),
    /** The statutory clock now running: what is due and by when (drives to-dos and overdue). */
    dueOn: date('due_on', { mode: 'string' }),
    dueKind: text('due_kind'),
    extensionDays: integer('extension_days').notNull().default(0),
    extensionReason: text('extension_reason'),
    extensionApprovedBy: bigint('extension_approved_by', { mode: 'number' }),
    rating: integer('rating'), // 1–5 from the reporter
    ratingComment: text('rating_comment'),
    reviewLevel: integer('review_level').notNull().default(0), // 0 none, 1 复查, 2 复核
    reviewRequestedOn: date('review_requested_on', { mode: 'string' }),
    urgent: boolean('urgent').notNull().default(false), // names a cadre under 任前公示
    receiptDigest: text('receipt_digest'), // HMAC of the receipt code (portal submissions)
    imported: boolean('imported').notNull().default(false),
    /** 审计移送: the economic-responsibility audit whose referral opened this case. */
    sourceAuditId: bigint('source_audit_id', { mode: 'number' }),
    /** 调查报告 and 处理意见 it holds, kept by a trigger on petition_documents (the statistics sum them). */
    reportCount: integer('report_count').notNull().default(0),
    opinionCount: integer('opinion_count').notNull().default(0),
    /**
     * The date of its latest event or document, kept by triggers on both tables. The figures as of a
     * date on or after it read the row as it is; as of an earlier date they look the state up in the
     * events (docs/decisions/figures-registry.md).
     */
    lastStepOn: date('last_step_on', { mode: 'string' }),
    createdBy: bigint('created_by', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('petitions_org_code_uq').on(t.orgId, t.code),
    // petitions_org_received_idx: (org_id, received_on) INCLUDE the counted columns, so a
    // township-year's figures read the index only; created by hand in migrations/0011 (drizzle has no INCLUDE)
    // petitions_queue_idx: the work queue's order (expressions) INCLUDE the scope's and filters'
    // columns, so a list chooses a deep page's ids from the index alone; by hand in migrations/0044
    index('petitions_received_idx').on(t.receivedOn, t.id),
    index('petitions_org_status_idx').on(t.orgId, t.status, t.receivedOn),
    index('petitions_due_idx').on(t.status, t.dueOn),
    index('petitions_unit_idx').on(t.assignedUnitOrgId),
    uniqueIndex('petitions_receipt_uq').on(t.receiptDigest),
    // org and tokens in one GIN (btree_gin): a township's search reads only its own matches
    index('petitions_org_search_idx').using('gin', t.orgId, t.searchTokens),
  ],
);

/** The cadres a petition names: linked to the registry, or free text when unknown. */
export const petitionSubjects = pgTable(
  'petition_subjects',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    petitionId: bigint('petition_id', { mode: 'number' }).notNull(),
    cadreId: bigint('cadre_id', { mode: 'number' }),
    name: text('name').notNull(),
    unitText: text('unit_text'),
  },
  (t) => [
    // INCLUDE (cadre_id, name) since migrations/0011 (by hand: drizzle has no INCLUDE)
    index('petition_subjects_petition_idx').on(t.petitionId),
    index('petition_subjects_cadre_idx').on(t.cadreId),
  ],
);

/** Every step of a case: the workflow history, the timeline and the source of the statistics. */
export const petitionEvents = pgTable(
  'petition_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    petitionId: bigint('petition_id', { mode: 'number' }).notNull(),
    action: text('action').notNull(), // register | accept | decline | dispose | report | opinion | submit | approve | return | reply | conclude | extend | review_request | ...
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    userId: bigint('user_id', { mode: 'number' }),
    note: text('note'),
    /**
     * The case as it stood after this step: its running clock, disposal and granted extension. A
     * trigger copies them from the petition row when the writer gives no extensionDays (the workflow
     * updates the row first); a writer of past steps (the ledger import) gives all three.
     */
    dueOn: date('due_on', { mode: 'string' }),
    disposal: text('disposal'),
    extensionDays: integer('extension_days'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // petition_events_as_of_idx: (petition_id, occurred_on, id) INCLUDE the state columns, for the
    // figures as of a date; created by hand in migrations/0011
    index('petition_events_petition_idx').on(t.petitionId, t.id),
    index('petition_events_action_on_idx').on(t.action, t.occurredOn),
  ],
);

/** 调查报告 and 处理意见: each a record of its own. */
export const petitionDocuments = pgTable(
  'petition_documents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    petitionId: bigint('petition_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(), // report | opinion
    content: text('content').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    userId: bigint('user_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // with the date: the figures count a case's documents of a day or before from the index alone
  (t) => [index('petition_documents_petition_idx').on(t.petitionId, t.kind, t.occurredOn)],
);

/** Attachments: stored outside the web root under DATA_DIR/files, type checked by content. */
export const petitionAttachments = pgTable(
  'petition_attachments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    petitionId: bigint('petition_id', { mode: 'number' }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    fromPublic: boolean('from_public').notNull().default(false),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('petition_attachments_petition_idx').on(t.petitionId)],
);

/** A portal submission's idempotency key: the same submission sent twice creates one petition. */
export const portalSubmissions = pgTable('portal_submissions', {
  key: text('key').primaryKey(),
  petitionId: bigint('petition_id', { mode: 'number' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
