import { bigint, bigserial, date, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A to-do item waits on someone: tied to a record, with a due date and an assignee (a user, or anyone of a role in an org). */
export const todos = pgTable(
  'todos',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    title: text('title').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    link: text('link'),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    assigneeUserId: bigint('assignee_user_id', { mode: 'number' }),
    assigneeRole: text('assignee_role'),
    /**
     * The cadres the record is about (a petition's named cadres): recusal hides the to-do from them and
     * from users related to them, exactly as it hides the record.
     */
    subjectCadreIds: bigint('subject_cadre_ids', { mode: 'number' }).array().notNull().default([]),
    /** The due date (China): shown, and counted overdue from, the same way everywhere. */
    dueOn: date('due_on', { mode: 'string' }),
    /** The end of dueOn in China, for the sweeps' range queries. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** step: stands for a workflow step and closes only when the step is taken; personal: closed by hand. */
    kind: text('kind').notNull().default('step'),
    status: text('status').notNull().default('open'), // open | done | cancelled
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    index('todos_assignee_idx').on(t.assigneeUserId, t.status, t.dueAt),
    index('todos_org_role_idx').on(t.orgId, t.assigneeRole, t.status),
    index('todos_record_idx').on(t.recordType, t.recordId),
    index('todos_due_idx').on(t.status, t.dueAt),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    /** The cadres of the record the notification is about, if any: recused users never see it. */
    subjectCadreIds: bigint('subject_cadre_ids', { mode: 'number' }).array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt)],
);

/** Messages handed to the email/SMS senders; the default log sender just records them here. */
export const outbox = pgTable('outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  channel: text('channel').notNull(), // email | sms
  recipient: text('recipient').notNull(),
  subject: text('subject'),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
});
