import { desc, eq, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/client.js';
import { offsetOf, type Page } from '../http/pagination.js';
import { orgs } from '../orgs/schema.js';
import type { AuditListQuery, AuditOut } from './contract.js';
import { auditWhere } from './filters.js';
import { auditLog } from './schema.js';

export const auditColumns = {
  id: auditLog.id,
  at: auditLog.at,
  userId: auditLog.userId,
  username: auditLog.username,
  orgId: auditLog.orgId,
  orgName: orgs.name,
  action: auditLog.action,
  objectType: auditLog.objectType,
  objectId: auditLog.objectId,
  result: auditLog.result,
  ip: auditLog.ip,
  detail: auditLog.detail,
  hash: auditLog.hash,
};

/** Newest first: (at desc) walks audit_at_idx, or the (…, at) indexes under an equality filter. */
export const auditPage = (db: Queryable, where: SQL | undefined, limit: number, offset: number) =>
  db
    .select(auditColumns)
    .from(auditLog)
    .leftJoin(orgs, eq(orgs.id, auditLog.orgId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(offset);

/**
 * Counting every match of a broad filter over millions of records costs more than the page itself;
 * the count stops at this many, and the answer says it is a lower bound ("10000+").
 */
export const AUDIT_COUNT_CAP = 10_000;

/** One page of the audit log, newest first, filtered and paged in the database. */
export async function listAudit(opts: {
  ctx: AppContext;
  query: AuditListQuery;
}): Promise<Page<AuditOut> & { totalCapped: boolean }> {
  const { ctx, query } = opts;
  const where = await auditWhere(ctx.db, query);
  const capped = countUpToCap(ctx.db, where);
  const [rows, total] = await Promise.all([
    auditPage(ctx.db, where, query.pageSize, offsetOf(query)),
    capped,
  ]);
  return {
    items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    total: Math.min(total, AUDIT_COUNT_CAP),
    totalCapped: total > AUDIT_COUNT_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function countUpToCap(db: Queryable, where: SQL | undefined): Promise<number> {
  const inner = db
    .select({ one: sql`1` })
    .from(auditLog)
    .where(where)
    .limit(AUDIT_COUNT_CAP + 1)
    .as('m');
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(inner);
  return Number(n);
}
