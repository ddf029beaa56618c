import { PassThrough, type Readable } from 'node:stream';
import { count } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { readContext } from '../../../platform/db/read-context.js';
import { petitions } from '../schema.js';
import type { StatsQuery } from '../stats/contract.js';
import { statsScope } from '../stats/stats-scope.js';
import { labelMaps, ledgerDictionaries } from './labels.js';
import { writeLedgerWorkbook } from './ledger-workbook.js';

const compact = (d: string) => d.replaceAll('-', '');

/**
 * The 信访台帐 of a period and org (this year and the caller's own by default): the same petitions
 * the statistics count, with no reporter identity. Audited (org, period, rows) before it streams.
 */
export async function exportLedger(opts: {
  ctx: AppContext;
  actor: Actor;
  query: StatsQuery;
}): Promise<{ stream: Readable; filename: string; rows: number }> {
  const { ctx, actor } = opts;
  // read on the replica when the routing allows; the audit record is written on the primary
  const read = await readContext(ctx, actor);
  const scope = await statsScope(read, actor, opts.query);
  const [[{ rows }], dicts] = await Promise.all([
    read.db.select({ rows: count() }).from(petitions).where(scope.where),
    ledgerDictionaries(read.db, false),
  ]);
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'petition.ledger_export',
    objectType: 'petition',
    detail: { orgId: scope.org.id, from: scope.from, to: scope.to, rows },
  });
  const stream = new PassThrough();
  writeLedgerWorkbook({
    db: read.db,
    where: scope.where,
    out: stream,
    title: `信访台帐（${scope.org.name}  ${scope.from} 至 ${scope.to}）`,
    labels: labelMaps(dicts),
    today: scope.today,
  }).catch((err) => stream.destroy(err));
  const filename = `信访台帐-${scope.org.name}-${compact(scope.from)}-${compact(scope.to)}.xlsx`;
  return { stream, filename, rows };
}
