import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Anti-bot challenges already answered: each signed challenge is good for one submission. Rows
 * past their expiry are useless (the signature check refuses the token anyway) and are swept.
 */
export const portalSpentChallenges = pgTable(
  'portal_spent_challenges',
  {
    nonce: text('nonce').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('portal_spent_challenges_expiry_idx').on(t.expiresAt)],
);

/**
 * Wrong receipt codes per source address in a sliding window, shared by every server instance.
 * `key` is a keyed digest of the address: the portal keeps no reporter's address in clear.
 */
export const portalThrottle = pgTable('portal_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
});

/**
 * The receipt code of a submission, for a resend of the same form within a few minutes (a double
 * click, a retry after a dropped answer) on whichever instance the resend reaches. `key` is the
 * form key's digest (as in portal_submissions); `sealed` is the code encrypted under a key derived
 * from the form key itself, which is never stored: the database alone cannot open it. Swept after
 * `expires_at`.
 */
export const portalRecentReceipts = pgTable(
  'portal_recent_receipts',
  {
    key: text('key').primaryKey(),
    sealed: text('sealed').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('portal_recent_receipts_expiry_idx').on(t.expiresAt)],
);
