import { sliceKeyProblem } from '../../../domain/figure-breakdown.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { readContext } from '../db/read-context.js';
import { badRequest } from '../http/errors.js';
import { sliceLabel } from './breakdown.js';
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
  if (!query.breakdown !== !query.slice) {
    const message = '按月或按单位查看明细时，请同时指定分组方式（breakdown）和取值（slice）';
    throw badRequest(message, { [query.breakdown ? 'slice' : 'breakdown']: message });
  }
  if (query.breakdown && query.slice) {
    if (!f.breakdowns?.includes(query.breakdown)) {
      const message = `统计指标“${f.label}”不能${query.breakdown === 'month' ? '按月' : '按单位'}分组`;
      throw badRequest(message, { breakdown: message });
    }
    const problem = sliceKeyProblem(query.breakdown, query.slice);
    if (problem) throw badRequest(problem, { slice: problem });
  }
  const slice = query.breakdown && query.slice ? { by: query.breakdown, key: query.slice } : undefined;
  // read on the replica when the routing allows; the audit record is written on the primary
  const read = await readContext(ctx, actor);
  const scope = { ...(await figureScope(read, actor, query)), ...(slice ? { slice } : {}) };
  const page = { page: query.page, pageSize: query.pageSize };
  const { items, total, groupLabel, sliceName } = await readFigures(scope, async (read) => ({
    ...(await f.records(read, page, query.group)),
    sliceName: slice ? await sliceLabel(read, slice.by, slice.key) : null,
  }));
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
        ...(slice ? { slice } : {}),
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
    slice: slice && sliceName ? { ...slice, label: sliceName } : null,
    columns: f.columns,
    items: items.map((r) => ({ ...r, weight: r.weight ?? null })),
    total,
    ...page,
  };
}
