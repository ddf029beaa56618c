import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    /** all | subtree | org | self — how far this user's reading reaches in the org tree */
    dataScope: text('data_scope').notNull().default('org'),
    /** The cadre this account belongs to, when the user is a cadre (recusal, own profile). */
    cadreId: bigint('cadre_id', { mode: 'number' }),
    phone: text('phone'),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last 30-second step whose code was accepted: a code is good once (no replay). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** The last time an administrator replaced this account's password, and by whom (shown to its owner). */
    passwordResetAt: timestamp('password_reset_at', { withTimezone: true }),
    passwordResetBy: text('password_reset_by'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(t.username),
    index('users_org_idx').on(t.orgId),
    index('users_display_name_idx').on(t.displayName),
  ],
);

export const roles = pgTable(
  'roles',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    builtin: boolean('builtin').notNull().default(false),
    /** sys | security | audit for the three separated administrator roles (三员), else null */
    adminClass: text('admin_class'),
    mfaRequired: boolean('mfa_required').notNull().default(false),
    description: text('description'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('roles_code_uq').on(t.code)],
);

export const rolePermissions = pgTable(
  'role_permissions',
  {
    roleId: bigint('role_id', { mode: 'number' }).notNull(),
    permission: text('permission').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.permission] })],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    roleId: bigint('role_id', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] }), index('user_roles_role_idx').on(t.roleId)],
);

/** Users registered as related to a cadre (family, declared conflicts): they never see that cadre's records. */
export const recusals = pgTable(
  'recusals',
  {
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    cadreId: bigint('cadre_id', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.cadreId] }), index('recusals_cadre_idx').on(t.cadreId)],
);

/**
 * Permissions the built-in roles have already been given their defaults for. A permission that a
 * later module adds is granted to the built-in roles that hold it by default, once, at start-up;
 * after that the security administrator's edits stand.
 */
export const seededPermissions = pgTable('seeded_permissions', {
  permission: text('permission').primaryKey(),
  seededAt: timestamp('seeded_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A role proposed for an account by whoever manages accounts, waiting for a holder of role.manage to
 * grant or refuse it (待授权). Until granted it gives nothing. status: pending | granted | refused | withdrawn.
 */
export const roleRequests = pgTable(
  'role_requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    roleId: bigint('role_id', { mode: 'number' }).notNull(),
    requestedBy: bigint('requested_by', { mode: 'number' }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('pending'),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('role_requests_pending_uq').on(t.userId, t.roleId).where(sql`${t.status} = 'pending'`),
    index('role_requests_status_idx').on(t.status, t.requestedAt),
  ],
);

/**
 * A password reset that needs a second administrator: asked for by one, confirmed (or refused) by
 * another, who alone receives the new password. status: pending | confirmed | refused | withdrawn.
 */
export const passwordResetRequests = pgTable(
  'password_reset_requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    /** admin | case_content: why one administrator could not reset it alone */
    reason: text('reason').notNull(),
    requestedBy: bigint('requested_by', { mode: 'number' }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('pending'),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('password_reset_requests_pending_uq').on(t.userId).where(sql`${t.status} = 'pending'`),
    index('password_reset_requests_status_idx').on(t.status, t.requestedAt),
  ],
);
