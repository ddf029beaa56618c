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

/** Rules are data: each edit adds a version; the domain asks for the version in force on a date. */
export const rules = pgTable(
  'rules',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    value: jsonb('value').notNull(),
    unit: text('unit').notNull(), // days | working_days | months | years | percent | count | ...
    source: text('source').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    note: text('note'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rules_key_version_uq').on(t.key, t.version),
    index('rules_key_from_idx').on(t.key, t.effectiveFrom),
  ],
);
