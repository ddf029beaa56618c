import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Installation-wide values the system itself keeps (not rules: nobody edits them), one row per key.
 * `field_key_check`: the HMAC-SM3 of a fixed label under the field-encryption key (never the key),
 * so a server given another key refuses to start instead of sealing new data it cannot open later.
 */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
