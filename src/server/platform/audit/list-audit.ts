import { desc, eq, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/client.js';
import { countUpToCap } from '../http/capped-count.js';
import { offsetOf, type Page } from '../http/pagination.js';
import { orgs } from '../orgs/schema.js';
import type { AuditListQuery, AuditOut } from './contract.js';
import { auditWhere } from './filters.js';
import { objectLabels } from './object-labels.js';
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

/** One page of the audit log, newest first, filtered and paged in the database. */
export async function listAudit(opts: {
  ctx: AppContext;
  query: AuditListQuery;
}): Promise<Page<AuditOut> & { totalCapped: boolean }> {
  const { ctx, query } = opts;
  const where = await auditWhere(ctx.db, query);
  const [rows, count] = await Promise.all([
    auditPage(ctx.db, where, query.pageSize, offsetOf(query)),
    countUpToCap(ctx.db, auditLog, where),
  ]);
  const labels = await objectLabels(ctx.db, rows);
  return {
    items: rows.map((r) => ({
      ...r,
      at: r.at.toISOString(),
      objectLabel: labels.get(`${r.objectType}:${r.objectId}`) ?? null,
    })),
    ...count,
    page: query.page,
    pageSize: query.pageSize,
  };
}
