import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The portal's request counters, shared by every server instance (see db-rate-store.ts): one row
 * per (limit, keyed digest of the address), counting the hits of the window that ends at
 * `resets_at`. Rows whose window has ended are swept by a job.
 */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetsAt: timestamp('resets_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_hits_resets_idx').on(t.resetsAt)],
);
