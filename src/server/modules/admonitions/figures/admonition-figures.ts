import { and, asc, between, count, eq, gt, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { ADMONITION_STATUSES, ORG_MEASURES } from '../../../../domain/admonitions/admonition-workflow.js';
import { lastCountedDay } from '../../../../domain/figure-period.js';
import { countSlices, type SliceColumns, sliceCondition } from '../../../platform/figures/breakdown.js';
import type {
  Breakdown,
  Figure,
  FigureScope,
  FigureSource,
  FigureValue,
  PageRequest,
} from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { cadres } from '../../cadres/schema.js';
import { visibleTo } from '../access.js';
import { admonitions } from '../schema.js';

/**
 * 谈话诫勉 figures, as of a date: started (talked in the period), released, with organizational
 * measures (decided in the period), and under tracking on the as-of day. Counted over the records the
 * caller can open (scope and recusal), in the asked org's subtree; the drill-down lists the same rows.
 */
type Name = 'started' | 'released' | 'tracking' | 'measures';

const DEFINITIONS: Record<Name, { label: string; unit: string; definition: string }> = {
  started: {
    label: '实施诫勉谈话',
    unit: '人次',
    definition: '谈话日期在统计期内（且不晚于截至日期）的诫勉谈话（不含提醒谈话）',
  },
  released: { label: '解除诫勉', unit: '人次', definition: '解除日期在统计期内（且不晚于截至日期）的诫勉' },
  tracking: {
    label: '诫勉跟踪考察中',
    unit: '人',
    definition: '截至日期已谈话、尚未解除也未采取组织措施的诫勉（谈话日期不晚于统计期末）',
  },
  measures: {
    label: '诫勉后采取组织措施',
    unit: '人次',
    definition: '组织措施决定日期在统计期内（且不晚于截至日期）的诫勉',
  },
};

const subtree = (scope: FigureScope) =>
  inArray(
    admonitions.orgId,
    sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`,
  );

/** The date each figure's period is about (none for a state on a day), for the month and org breakdowns. */
const DATED: Record<Name, PgColumn | undefined> = {
  started: admonitions.talkOn,
  released: admonitions.releasedOn,
  measures: admonitions.measureOn,
  tracking: undefined,
};
const slicesOf = (name: Name): SliceColumns => ({ org: admonitions.orgId, on: DATED[name] });
const BREAKDOWNS_OF = (name: Name): Breakdown[] => (DATED[name] ? ['month', 'org'] : ['org']);

function where(scope: FigureScope, name: Name): SQL {
  const last = lastCountedDay(scope);
  const base = and(
    subtree(scope),
    visibleTo(scope.actor, admonitions.orgId, admonitions.cadreId),
    eq(admonitions.kind, 'admonition'),
    sliceCondition(scope, slicesOf(name)),
  );
  const asOf = scope.asOf;
  const upTo = [scope.to, asOf].sort()[0];
  const notBy = (col: PgColumn) => or(isNull(col), gt(col, asOf));
  switch (name) {
    case 'started':
      return and(base, between(admonitions.talkOn, scope.from, last))!;
    case 'released':
      return and(base, between(admonitions.releasedOn, scope.from, last))!;
    case 'measures':
      return and(base, between(admonitions.measureOn, scope.from, last))!;
    case 'tracking':
      return and(
        base,
        lte(admonitions.talkOn, upTo),
        notBy(admonitions.releasedOn),
        notBy(admonitions.measureOn),
      )!;
  }
}

async function countOf(scope: FigureScope, name: Name): Promise<number> {
  const [r] = await scope.db.select({ n: count() }).from(admonitions).where(where(scope, name));
  return Number(r.n);
}

/** One statement: the figure by month of its date or by child org. */
const slicesOfFigure = (scope: FigureScope, name: Name, by: Breakdown) =>
  countSlices(scope.db, scope, by, slicesOf(name), admonitions, where(scope, name));

async function records(scope: FigureScope, name: Name, page: PageRequest) {
  const total = await countOf(scope, name);
  const rows = await scope.db
    .select({ a: admonitions, cadreName: cadres.name, orgName: orgs.name })
    .from(admonitions)
    .innerJoin(cadres, eq(cadres.id, admonitions.cadreId))
    .innerJoin(orgs, eq(orgs.id, admonitions.orgId))
    .where(where(scope, name))
    .orderBy(asc(admonitions.talkOn), asc(admonitions.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return {
    total,
    items: rows.map(({ a, cadreName, orgName }) => ({
      id: String(a.id),
      link: `/admonitions/${a.id}`,
      label: a.code,
      cells: {
        cadre: cadreName,
        org: orgName,
        source: a.sourceKind,
        talkOn: a.talkOn,
        status: ADMONITION_STATUSES[a.status as keyof typeof ADMONITION_STATUSES] ?? a.status,
        end: a.releasedOn
          ? `${a.releasedOn} 解除`
          : a.measureOn
            ? `${a.measureOn} ${ORG_MEASURES[a.measureKind as keyof typeof ORG_MEASURES] ?? ''}`
            : null,
      },
    })),
  };
}

const COLUMNS = [
  { key: 'cadre', label: '姓名' },
  { key: 'org', label: '单位' },
  { key: 'source', label: '来源' },
  { key: 'talkOn', label: '谈话日期' },
  { key: 'status', label: '状态' },
  { key: 'end', label: '结果' },
];

export function admonitionFigures(): { source: FigureSource; figures: Figure[] } {
  const names: Name[] = ['started', 'released', 'tracking', 'measures'];
  const figures: Figure[] = names.map((name) => ({
    key: `admonitions.${name}`,
    module: 'admonitions',
    ...DEFINITIONS[name],
    permission: 'admonition.read',
    protected: true,
    kind: 'count',
    columns: COLUMNS,
    breakdowns: BREAKDOWNS_OF(name),
    // 实施诫勉谈话 by month and, for the district, by township
    dashboard: name === 'started' ? ['card', 'trend', 'org'] : ['card'],
    records: (scope, page) => records(scope, name, page),
  }));
  const source: FigureSource = {
    module: 'admonitions',
    label: '谈话诫勉',
    async count(scope, keys, by) {
      const out: Record<string, FigureValue> = {};
      for (const key of keys) {
        const name = key.slice('admonitions.'.length) as Name;
        if (!names.includes(name)) continue;
        out[key] = { value: await countOf(scope, name) };
        const slices: FigureValue['slices'] = {};
        for (const b of by ?? [])
          if (BREAKDOWNS_OF(name).includes(b)) slices[b] = await slicesOfFigure(scope, name, b);
        if (Object.keys(slices).length) out[key].slices = slices;
      }
      return out;
    },
  };
  return { source, figures };
}
