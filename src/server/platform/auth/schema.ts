import { bigint, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

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
    /** The session's last successful change, kept only with a read replica: its reads stay on the primary for a while. */
    lastWriteAt: timestamp('last_write_at', { withTimezone: true }),
    /** Wrong second-factor codes typed in this half-signed-in session; it ends at the rule's limit. */
    totpFailures: integer('totp_failures').notNull().default(0),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed logins per source address, for throttling guessing across accounts. */
export const loginThrottle = pgTable('login_throttle', {
  ip: text('ip').primaryKey(),
  failures: bigint('failures', { mode: 'number' }).notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
});

/**
 * Failed sign-ins per (username as typed, source address) within the lockout window. The lock of
 * 等保 (N failures lock for T minutes) holds against the address that failed, not the account
 * everywhere, and an unknown username is counted exactly like a known one (no enumeration).
 * See docs/decisions/login-throttling.md.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    username: text('username').notNull(),
    /** The source address, '' when unknown. */
    ip: text('ip').notNull(),
    failures: integer('failures').notNull().default(0),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** Failed unlock attempts (password and second-factor code) while locked. */
    unlockFailures: integer('unlock_failures').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.username, t.ip] }),
    index('login_failures_last_idx').on(t.username, t.lastAt),
  ],
);

/** Wrong second-factor codes per account within the lockout window, across its sessions; the step pauses at the limit. */
export const totpFailures = pgTable('totp_failures', {
  userId: bigint('user_id', { mode: 'number' }).primaryKey(),
  failures: integer('failures').notNull().default(0),
  firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});
