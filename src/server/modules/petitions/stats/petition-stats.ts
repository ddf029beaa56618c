import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  CATEGORY_METRIC,
  conclusionRate,
  NO_CATEGORY,
  STAT_METRIC_KEYS,
  type StatMetric,
} from '../../../../domain/petition-stats.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { dictItems } from '../../../platform/dictionaries/schema.js';
import { petitions } from '../schema.js';
import type { Drill, Figures, StatsOut, StatsQuery } from './contract.js';
import { metricCondition } from './metrics.js';
import { statsScope } from './stats-scope.js';

const countWhere = (cond: SQL) => sql<number>`(count(*) filter (where ${cond}))::int`.mapWith(Number);
const sumOf = (column: AnyPgColumn) => sql<number>`coalesce(sum(${column}), 0)::int`.mapWith(Number);
// documents are counted one by one (each opinion is a record): the sums of each petition's counts
const DOCUMENT_METRICS = new Set<StatMetric>(['reports', 'opinions']);

/**
 * The statistics of a period and an org, in two aggregate queries over the covering index
 * petitions_org_received_idx: the figures (FILTER clauses, and the sums of the report and opinion
 * counts the petition_documents trigger keeps), and the count by category.
 */
export async function petitionStats(opts: {
  ctx: AppContext;
  actor: Actor;
  query: StatsQuery;
}): Promise<StatsOut> {
  const { ctx, actor } = opts;
  const scope = await statsScope(ctx, actor, opts.query);
  const { where, today } = scope;
  const drill = (metric: string, category?: string): Drill => ({
    metric,
    ...(category === undefined ? {} : { category }),
    from: scope.from,
    to: scope.to,
    orgId: scope.org.id,
  });

  const petitionMetrics = STAT_METRIC_KEYS.filter((m) => !DOCUMENT_METRICS.has(m));
  const select = Object.fromEntries(petitionMetrics.map((m) => [m, countWhere(metricCondition(m, today))]));
  const [[counts], categories, labels] = await Promise.all([
    ctx.db
      .select({
        ...select,
        reports: sumOf(petitions.reportCount),
        opinions: sumOf(petitions.opinionCount),
        visitors:
          sql<number>`coalesce(sum(${petitions.visitors}) filter (where ${petitions.channel} = 'visit'), 0)::int`.mapWith(
            Number,
          ),
      })
      .from(petitions)
      .where(where),
    ctx.db
      .select({ category: petitions.category, count: sql<number>`count(*)::int`.mapWith(Number) })
      .from(petitions)
      .where(where)
      .groupBy(petitions.category),
    ctx.db
      .select({ code: dictItems.code, label: dictItems.label, sort: dictItems.sort })
      .from(dictItems)
      .where(eq(dictItems.typeCode, 'petition_category'))
      .orderBy(asc(dictItems.sort), asc(dictItems.id)),
  ]);
  const row = counts as Record<string, number>;
  const value = (m: StatMetric) => Number(row[m] ?? 0);
  const figures = Object.fromEntries(
    STAT_METRIC_KEYS.map((m) => [m, { value: value(m), drill: drill(m) }]),
  ) as Figures;

  const order = new Map(labels.map((l, i) => [l.code, i]));
  const byCategory = categories
    .map((c) => {
      const code = c.category ?? NO_CATEGORY;
      const label =
        c.category === null ? '未分类' : (labels.find((l) => l.code === c.category)?.label ?? c.category);
      return { category: code, label, count: c.count, drill: drill(CATEGORY_METRIC, code) };
    })
    .sort((a, b) => (order.get(a.category) ?? 999) - (order.get(b.category) ?? 999) || b.count - a.count);

  return {
    from: scope.from,
    to: scope.to,
    today,
    org: { id: scope.org.id, name: scope.org.name },
    figures,
    visitors: { value: row.visitors, drill: drill('visit') },
    conclusionRate: {
      value: conclusionRate(figures.concluded.value, figures.accepted.value),
      concluded: figures.concluded.value,
      accepted: figures.accepted.value,
      drill: drill('concluded'),
    },
    byCategory,
  };
}
