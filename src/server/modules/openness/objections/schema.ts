import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * 村民异议: an objection from the portal (no account) to a published openness item. The villager
 * keeps a receipt code (only its keyed digest is stored) to read the answer. The unit answers by
 * `due_on` (rule `disclosure.objection_answer`, working days); past it, unanswered, it escalates
 * once to the township (`escalated_on`).
 */
export const disclosureObjections = pgTable(
  'disclosure_objections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    disclosureId: bigint('disclosure_id', { mode: 'number' }).notNull(),
    /** The unit that published the item and must answer. */
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    text: text('text').notNull(),
    receiptDigest: text('receipt_digest').notNull(),
    /** The form's key (digest): a resend of the same form is one objection. */
    formKey: text('form_key').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    answer: text('answer'),
    answeredOn: date('answered_on', { mode: 'string' }),
    answeredBy: bigint('answered_by', { mode: 'number' }),
    escalatedOn: date('escalated_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('disclosure_objections_receipt_uq').on(t.receiptDigest),
    uniqueIndex('disclosure_objections_form_uq').on(t.formKey),
    index('disclosure_objections_org_idx').on(t.orgId, t.receivedOn),
    index('disclosure_objections_open_idx').on(t.dueOn).where(sql`answered_on is null`),
  ],
);
