import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Server-side sessions. `id` is the SHA-256 of the cookie token, so a database read does not yield live tokens. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    /** null when fully signed in; otherwise the step still owed: password_change | totp | totp_enrol */
    pending: text('pending'),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed logins per source address, for throttling guessing across accounts. */
export const loginThrottle = pgTable('login_throttle', {
  ip: text('ip').primaryKey(),
  failures: bigint('failures', { mode: 'number' }).notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
});
