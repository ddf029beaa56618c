import { and, eq, gte, like, lt, lte, type SQL } from 'drizzle-orm';
import { AUDIT_ACTIONS } from '../../../domain/audit-actions.js';
import { addDays } from '../../../domain/calendar.js';
import type { Queryable } from '../db/client.js';
import { users } from '../users/schema.js';
import type { AuditFilters } from './contract.js';
import { auditLog } from './schema.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A day filter means the whole day in China time; `to` includes its day. */
const startOf = (s: string) => new Date(DAY.test(s) ? `${s}T00:00:00+08:00` : s);
const endOf = (s: string) => (DAY.test(s) ? startOf(addDays(s, 1)) : new Date(s));

/**
 * The WHERE clause of an audit query, shaped for the indexes on audit_log: a known action is an
 * equality (action, at), other text a prefix; a username of an existing account becomes its id
 * (user_id, at); the time range runs on (at).
 */
export async function auditWhere(db: Queryable, f: AuditFilters): Promise<SQL | undefined> {
  let byUser: SQL | undefined;
  if (f.username) {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, f.username));
    byUser = user ? eq(auditLog.userId, user.id) : eq(auditLog.username, f.username);
  }
  const action = f.action
    ? AUDIT_ACTIONS[f.action]
      ? eq(auditLog.action, f.action)
      : like(auditLog.action, `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    : undefined;
  return and(
    f.from ? gte(auditLog.at, startOf(f.from)) : undefined,
    f.to ? (DAY.test(f.to) ? lt(auditLog.at, endOf(f.to)) : lte(auditLog.at, endOf(f.to))) : undefined,
    byUser,
    action,
    f.result ? eq(auditLog.result, f.result) : undefined,
    f.objectType ? eq(auditLog.objectType, f.objectType) : undefined,
    f.objectId ? eq(auditLog.objectId, f.objectId) : undefined,
  );
}

/** The filters as recorded in the audit detail of an export (only those given). */
export const givenFilters = (f: AuditFilters) =>
  Object.fromEntries(Object.entries(f).filter(([k, v]) => v !== undefined && k in AUDIT_FILTER_KEYS));

const AUDIT_FILTER_KEYS = {
  from: 1,
  to: 1,
  username: 1,
  action: 1,
  result: 1,
  objectType: 1,
  objectId: 1,
};
