import { PassThrough, type Readable } from 'node:stream';
import { and, count, lte, max } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { unprocessable } from '../http/errors.js';
import { recordAnchor } from './anchors.js';
import { chinaTime, writeAuditWorkbook } from './audit-workbook.js';
import type { AuditFilters } from './contract.js';
import { auditWhere, givenFilters } from './filters.js';
import { recordAudit } from './record.js';
import { auditLog } from './schema.js';

export const EXPORT_LIMIT = 100_000;

/**
 * Exports the matching audit records as .xlsx. The export is itself audited (with its filters)
 * before the first byte leaves, and the chain's head anchored; records appended meanwhile are not
 * part of it.
 */
export async function exportAudit(opts: {
  ctx: AppContext;
  actor: Actor;
  filters: AuditFilters;
  limit?: number;
}): Promise<{ stream: Readable; filename: string; rows: number }> {
  const { ctx, actor, filters, limit = EXPORT_LIMIT } = opts;
  const where = await auditWhere(ctx.db, filters);
  const [{ total, lastId }] = await ctx.db
    .select({ total: count(), lastId: max(auditLog.id) })
    .from(auditLog)
    .where(where);
  if (total > limit) {
    throw unprocessable(
      `符合条件的审计记录共 ${total} 条，超过单次导出上限 ${limit} 条，请缩小时间范围或增加筛选条件后分批导出`,
    );
  }
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'audit.export',
    objectType: 'audit_log',
    detail: { filters: givenFilters(filters), rows: total },
  });
  // an export is a copy of the log outside the system: the head at this moment becomes an anchor
  await recordAnchor({ db: ctx.db, dataDir: ctx.config.dataDir, at: ctx.clock.now(), source: 'export' });
  const stream = new PassThrough();
  const snapshot = lastId == null ? where : and(where, lte(auditLog.id, Number(lastId)));
  writeAuditWorkbook(ctx.db, snapshot, stream).catch((err) => stream.destroy(err));
  const day = chinaTime(ctx.clock.now()).slice(0, 10).replaceAll('-', '');
  return { stream, filename: `审计日志-${day}.xlsx`, rows: total };
}
