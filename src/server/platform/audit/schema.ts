import { bigint, bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Append-only, SM3 hash-chained audit log. A trigger (see migrations) refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: bigint('user_id', { mode: 'number' }),
    username: text('username'),
    orgId: bigint('org_id', { mode: 'number' }),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    result: text('result').notNull(), // success | failure | denied
    ip: text('ip'),
    detail: jsonb('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_user_at_idx').on(t.userId, t.at),
    index('audit_action_at_idx').on(t.action, t.at),
    index('audit_object_idx').on(t.objectType, t.objectId),
  ],
);
