import { and, asc, between, count, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { lastCountedDay } from '../../../../domain/figure-period.js';
import { recusalFilter, scopeFilter } from '../../../platform/access/scope.js';
import { countSlices, type SliceColumns, sliceCondition } from '../../../platform/figures/breakdown.js';
import type {
  Breakdown,
  Figure,
  FigureColumn,
  FigureRecord,
  FigureScope,
  FigureSource,
  FigureValue,
  PageRequest,
} from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { cadres } from '../../cadres/schema.js';
import { pledgeItems, pledgeProgress, pledges } from '../schema.js';

/**
 * 任期承诺 figures, as of a date, by village (org breakdown): pledges made, pledged items due,
 * those fulfilled, and 兑现率 their ratio. An item counts when it is a leaf (a measurable target)
 * of a pledge made by the as-of date, due in the period (and not after the as-of date); it is
 * fulfilled when its latest progress entry on or before the as-of date reads 100% — the rule of
 * domain/pledges `latestPercent` + `fulfilmentRate`, which the pledge pages show.
 */
type Name = 'made' | 'items_due' | 'items_fulfilled';

const DEFINITIONS: Record<Name | 'rate', { label: string; unit: string; definition: string }> = {
  made: {
    label: '任期承诺',
    unit: '项',
    definition: '承诺日期在统计期内（且不晚于截至日期）的村干部任期承诺数，所在村为所选单位或其下级',
  },
  items_due: {
    label: '应兑现承诺事项',
    unit: '项',
    definition:
      '截至日期已作出的任期承诺中，完成期限在统计期内（且不晚于截至日期）的承诺事项数（只计末级事项，即可衡量的目标）',
  },
  items_fulfilled: {
    label: '已兑现承诺事项',
    unit: '项',
    definition: '应兑现承诺事项中，截至日期最近一次录入的践诺进度为 100% 的事项数',
  },
  rate: { label: '承诺兑现率', unit: '%', definition: '已兑现承诺事项 ÷ 应兑现承诺事项 × 100%' },
};

const col = (key: string, label: string): FigureColumn => ({ key, label });
const PLEDGE_COLUMNS = [col('cadre', '姓名'), col('village', '村'), col('pledgedOn', '承诺日期')];
const ITEM_COLUMNS = [
  col('cadre', '姓名'),
  col('village', '村'),
  col('item', '承诺事项'),
  col('target', '目标'),
  col('dueOn', '完成期限'),
  col('percent', '截至日期进度'),
];

const subtree = (scope: FigureScope, column: PgColumn) =>
  inArray(column, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`);

const visible = (scope: FigureScope) =>
  and(
    subtree(scope, pledges.orgId),
    scopeFilter(scope.actor, pledges.orgId),
    recusalFilter(scope.actor, pledges.cadreId),
  );

const SLICES: Record<Name, SliceColumns> = {
  made: { org: pledges.orgId, on: pledges.pledgedOn },
  items_due: { org: pledges.orgId, on: pledgeItems.dueOn },
  items_fulfilled: { org: pledges.orgId, on: pledgeItems.dueOn },
};

/** The item's latest percentage on or before the as-of date (the later entry of a day wins). */
const percentAsOf = (asOf: string) =>
  sql<number | null>`(select ${pledgeProgress.percent} from ${pledgeProgress}
    where ${pledgeProgress.itemId} = ${pledgeItems.id} and ${pledgeProgress.reportedOn} <= ${asOf}
    order by ${pledgeProgress.reportedOn} desc, ${pledgeProgress.id} desc limit 1)`;

function where(scope: FigureScope, name: Name): SQL {
  const last = lastCountedDay(scope);
  if (name === 'made')
    return and(
      visible(scope),
      between(pledges.pledgedOn, scope.from, last),
      sliceCondition(scope, SLICES.made),
    )!;
  const due = and(
    visible(scope),
    lte(pledges.pledgedOn, scope.asOf),
    between(pledgeItems.dueOn, scope.from, last),
    sql`not exists (select 1 from ${pledgeItems} c where c.parent_id = ${pledgeItems.id})`,
    sliceCondition(scope, SLICES[name]),
  )!;
  return name === 'items_due' ? due : and(due, sql`${percentAsOf(scope.asOf)} >= 100`)!;
}

function base(scope: FigureScope, name: Name) {
  return name === 'made'
    ? scope.db.select({ n: count() }).from(pledges).where(where(scope, name))
    : scope.db
        .select({ n: count() })
        .from(pledgeItems)
        .innerJoin(pledges, eq(pledges.id, pledgeItems.pledgeId))
        .where(where(scope, name));
}

async function countOf(scope: FigureScope, name: Name): Promise<number> {
  const [r] = await base(scope, name);
  return Number(r.n);
}

async function slicesOf(scope: FigureScope, name: Name, by: Breakdown) {
  if (name === 'made') return countSlices(scope.db, scope, by, SLICES.made, pledges, where(scope, name));
  const key =
    by === 'month'
      ? sql`to_char(${pledgeItems.dueOn}, 'YYYY-MM')`
      : sql`(select case when so.id = ${sql.raw(String(Math.trunc(scope.org.id)))} then so.id::text
          else split_part(substr(so.path, ${sql.raw(String(scope.org.path.length + 1))}), '/', 1) end
          from ${orgs} so where so.id = ${pledges.orgId})`;
  const rows = await scope.db
    .select({ s: key, n: sql<number>`count(*)` })
    .from(pledgeItems)
    .innerJoin(pledges, eq(pledges.id, pledgeItems.pledgeId))
    .where(where(scope, name))
    .groupBy(sql`1`);
  return rows.map((r) => ({ key: String(r.s), value: Number(r.n) }));
}

async function records(scope: FigureScope, name: Name, page: PageRequest) {
  const total = await countOf(scope, name);
  const offset = (page.page - 1) * page.pageSize;
  if (name === 'made') {
    const rows = await scope.db
      .select({
        id: pledges.id,
        title: pledges.title,
        pledgedOn: pledges.pledgedOn,
        cadre: cadres.name,
        village: orgs.name,
      })
      .from(pledges)
      .innerJoin(cadres, eq(cadres.id, pledges.cadreId))
      .innerJoin(orgs, eq(orgs.id, pledges.orgId))
      .where(where(scope, name))
      .orderBy(asc(orgs.path), asc(pledges.pledgedOn), asc(pledges.id))
      .limit(page.pageSize)
      .offset(offset);
    return {
      total,
      items: rows.map(
        (r): FigureRecord => ({
          id: String(r.id),
          link: `/pledges/${r.id}`,
          label: r.title,
          cells: { cadre: r.cadre, village: r.village, pledgedOn: r.pledgedOn },
        }),
      ),
    };
  }
  const rows = await scope.db
    .select({
      id: pledgeItems.id,
      pledgeId: pledges.id,
      item: pledgeItems.title,
      target: pledgeItems.target,
      dueOn: pledgeItems.dueOn,
      percent: percentAsOf(scope.asOf),
      cadre: cadres.name,
      village: orgs.name,
    })
    .from(pledgeItems)
    .innerJoin(pledges, eq(pledges.id, pledgeItems.pledgeId))
    .innerJoin(cadres, eq(cadres.id, pledges.cadreId))
    .innerJoin(orgs, eq(orgs.id, pledges.orgId))
    .where(where(scope, name))
    .orderBy(asc(orgs.path), asc(pledgeItems.dueOn), asc(pledgeItems.id))
    .limit(page.pageSize)
    .offset(offset);
  return {
    total,
    items: rows.map(
      (r): FigureRecord => ({
        id: String(r.id),
        link: `/pledges/${r.pledgeId}`,
        label: r.item,
        cells: {
          cadre: r.cadre,
          village: r.village,
          item: r.item,
          target: r.target,
          dueOn: r.dueOn,
          percent: r.percent == null ? null : `${r.percent}%`,
        },
      }),
    ),
  };
}

export function pledgeFigures(): { source: FigureSource; figures: Figure[] } {
  const names: Name[] = ['made', 'items_due', 'items_fulfilled'];
  const breakdowns: Breakdown[] = ['month', 'org'];
  const figures: Figure[] = names.map(
    (name): Figure => ({
      key: `pledges.${name}`,
      module: 'pledges',
      ...DEFINITIONS[name],
      permission: 'pledge.read',
      protected: false,
      kind: 'count',
      breakdowns,
      dashboard: ['card'],
      columns: name === 'made' ? PLEDGE_COLUMNS : ITEM_COLUMNS,
      records: (scope, page) => records(scope, name, page),
    }),
  );
  figures.push({
    key: 'pledges.rate',
    module: 'pledges',
    ...DEFINITIONS.rate,
    permission: 'pledge.read',
    protected: false,
    kind: 'ratio',
    dashboard: ['card'],
    numerator: 'pledges.items_fulfilled',
    denominator: 'pledges.items_due',
  });
  const source: FigureSource = {
    module: 'pledges',
    label: '任期承诺',
    async count(scope, keys, by) {
      const out: Record<string, FigureValue> = {};
      for (const key of keys) {
        const name = key.slice('pledges.'.length) as Name;
        if (!names.includes(name)) continue;
        out[key] = { value: await countOf(scope, name) };
        if (by?.length) {
          const slices: FigureValue['slices'] = {};
          for (const b of by) slices[b] = await slicesOf(scope, name, b);
          out[key].slices = slices;
        }
      }
      return out;
    },
  };
  return { source, figures };
}
