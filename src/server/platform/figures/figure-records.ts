import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { badRequest } from '../http/errors.js';
import type { FigureRecordsOut, FigureRecordsQuery } from './contract.js';
import { figureScope, readFigures } from './figure-scope.js';
import { requireFigure } from './visible-figures.js';

/**
 * The records behind a figure (or one group of it) as they stood on the as-of date, a page at a
 * time; the same scope, period and condition the figure counted, so the rows add up to it. A
 * drill-down into protected records is audited with what was asked.
 */
export async function figureRecords(opts: {
  ctx: AppContext;
  actor: Actor;
  key: string;
  query: FigureRecordsQuery;
}): Promise<FigureRecordsOut> {
  const { ctx, actor, key, query } = opts;
  const f = requireFigure(actor, key);
  if (f.kind === 'ratio') {
    const message = `比率指标“${f.label}”没有单独的明细，请查看其分子或分母的明细`;
    throw badRequest(message, { key: message });
  }
  if (query.group && !f.dimension)
    throw badRequest(`统计指标“${f.label}”没有分组`, { group: `统计指标“${f.label}”没有分组` });
  const scope = await figureScope(ctx, actor, query);
  const page = { page: query.page, pageSize: query.pageSize };
  const { items, total, groupLabel } = await readFigures(scope, (read) => f.records(read, page, query.group));
  if (f.protected)
    await recordAudit(ctx.db, ctx.clock, actor, {
      action: 'figure.records',
      objectType: 'figure',
      objectId: f.key,
      detail: {
        orgId: scope.org.id,
        from: scope.from,
        to: scope.to,
        asOf: scope.asOf,
        group: query.group ?? null,
        page: query.page,
        rows: items.length,
      },
    });
  return {
    org: { id: scope.org.id, name: scope.org.name },
    from: scope.from,
    to: scope.to,
    asOf: scope.asOf,
    today: scope.today,
    figure: {
      key: f.key,
      module: f.module,
      label: f.label,
      unit: f.unit,
      definition: f.definition,
      kind: f.kind,
    },
    group: query.group ? { key: query.group, label: groupLabel ?? query.group } : null,
    columns: f.columns,
    items: items.map((r) => ({ ...r, weight: r.weight ?? null })),
    total,
    ...page,
  };
}
