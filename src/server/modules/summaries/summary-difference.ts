import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest } from '../../platform/http/errors.js';
import type { DifferenceOut } from './contract.js';
import { loadSummary } from './load-summary.js';
import { summaryFigures, yearPeriod } from './summary-figures.js';

/**
 * What changed since a final version was filed: its figures counted again now — same org, same
 * period, same as-of date — against the snapshot. A figure differs only when records about that
 * past were added or corrected afterwards (a ledger imported later, a record fixed).
 */
export async function summaryDifference(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
}): Promise<DifferenceOut> {
  const { ctx, actor, id } = opts;
  const { row, org } = await loadSummary(ctx.db, actor, id);
  if (row.status !== 'final' || !row.snapshot) throw badRequest('只有定稿的版本可以与当前记录比对');
  const filed = row.snapshot;
  const now = await summaryFigures(
    ctx,
    actor,
    yearPeriod(org.id, row.year, row.asOf),
    filed.map((f) => `{${f.key}}`),
  );
  const byKey = new Map(now.map((f) => [f.key, f.value]));
  const changed = filed
    .filter((f) => (byKey.has(f.key) ? byKey.get(f.key)! : null) !== f.value)
    .map((f) => ({
      key: f.key,
      label: f.label,
      unit: f.unit,
      filed: f.value,
      now: byKey.get(f.key) ?? null,
      reproduce: f.reproduce,
    }));
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'summary.difference',
    objectType: 'summary',
    objectId: row.id,
    detail: { org: org.name, year: row.year, version: row.version, changed: changed.length },
  });
  return {
    id: row.id,
    version: row.version,
    asOf: row.asOf,
    checkedAt: ctx.clock.now().toISOString(),
    changed,
    unchanged: filed.length - changed.length,
  };
}
