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

/**
 * The chain's head as it was at a moment (a backup, an export, the daily checkpoint): the last
 * record's id and hash. A shorter chain later means records were removed from the end. Append-only
 * like the log (a trigger), and copied to files under DATA_DIR/anchors, since whoever can delete
 * audit rows can delete these too.
 */
export const auditAnchors = pgTable(
  'audit_anchors',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    lastId: bigint('last_id', { mode: 'number' }).notNull(),
    lastHash: text('last_hash').notNull(),
    source: text('source').notNull(), // backup | export | checkpoint
  },
  (t) => [index('audit_anchors_last_idx').on(t.lastId)],
);
