import { and, asc, count, eq, gt, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { lastCountedDay } from '../../../../domain/figure-period.js';
import { dueState } from '../../../../domain/openness/timing.js';
import { scopeFilter } from '../../../platform/access/scope.js';
import type {
  Figure,
  FigureColumn,
  FigureRecord,
  FigureScope,
  FigureSource,
  FigureValue,
  PageRequest,
} from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { disclosureItemTypes, disclosureDueItems as due } from '../schema.js';
import {
  countObjections,
  OBJECTION_NAMES,
  type ObjectionName,
  objectionFigures,
} from './objection-figures.js';

/**
 * The openness figures (公开事项), as of a date: the items units owed, those published by their
 * deadline or after it, and those overdue on the as-of date. Counted where the unit lies in the
 * asked org's subtree and the caller's scope.
 *
 * The villagers' objections (异议) and their answers on time are counted from the objections table
 * in `objection-figures.ts` and served by this same source.
 */
type Name = 'due' | 'on_time' | 'late' | 'overdue';

const DEFINITIONS: Record<Name | 'on_time_rate', { label: string; unit: string; definition: string }> = {
  due: {
    label: '应公开事项',
    unit: '项',
    definition:
      '公开期限在统计期内（且不晚于截至日期）的应公开事项数（按期公开的每期一项，限期公开的每个事项一项），公开单位为所选单位或其下级',
  },
  on_time: {
    label: '按时公开',
    unit: '项',
    definition: '应公开事项中，截至日期已公开且公开日期不晚于公开期限的项数',
  },
  late: {
    label: '逾期公开',
    unit: '项',
    definition: '应公开事项中，截至日期已公开但公开日期晚于公开期限的项数',
  },
  overdue: {
    label: '逾期未公开',
    unit: '项',
    definition: '截至日期公开期限已过仍未公开的应公开事项数（不论期限在哪一期），公开单位为所选单位或其下级',
  },
  on_time_rate: {
    label: '按时公开率',
    unit: '%',
    definition: '按时公开 ÷ 应公开事项 × 100%',
  },
};

const col = (key: string, label: string): FigureColumn => ({ key, label });
const COLUMNS = [
  col('org', '公开单位'),
  col('itemType', '公开事项'),
  col('what', '期间/事项'),
  col('dueOn', '公开期限'),
  col('publishedOn', '公开日期'),
  col('state', '状态'),
];

const subtree = (scope: FigureScope, column: PgColumn) =>
  inArray(column, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`);

function where(scope: FigureScope, name: Name): SQL {
  const unit = and(subtree(scope, due.orgId), scopeFilter(scope.actor, due.orgId))!;
  const published = lte(due.publishedOn, scope.asOf);
  if (name === 'overdue')
    return and(
      unit,
      lt(due.dueOn, scope.asOf),
      or(isNull(due.publishedOn), gt(due.publishedOn, scope.asOf)),
    )!;
  const inPeriod = and(unit, sql`${due.dueOn} between ${scope.from} and ${lastCountedDay(scope)}`)!;
  if (name === 'due') return inPeriod;
  return and(
    inPeriod,
    published,
    name === 'on_time' ? lte(due.publishedOn, due.dueOn) : gt(due.publishedOn, due.dueOn),
  )!;
}

async function countFigure(scope: FigureScope, name: Name): Promise<number> {
  const [r] = await scope.db.select({ n: count() }).from(due).where(where(scope, name));
  return Number(r.n);
}

const STATE_LABELS: Record<string, string> = {
  due: '待公开',
  on_time: '按时公开',
  late: '逾期公开',
  overdue: '逾期未公开',
  pending: '未到期',
};

async function records(scope: FigureScope, name: Name, page: PageRequest) {
  const total = await countFigure(scope, name);
  const rows = await scope.db
    .select({ d: due, org: orgs.name, type: disclosureItemTypes.name })
    .from(due)
    .innerJoin(orgs, eq(orgs.id, due.orgId))
    .innerJoin(disclosureItemTypes, eq(disclosureItemTypes.id, due.itemTypeId))
    .where(where(scope, name))
    .orderBy(asc(due.dueOn), asc(due.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const items: FigureRecord[] = rows.map(({ d, org, type }) => {
    // as it stood on the as-of date
    const publishedOn = d.publishedOn && d.publishedOn <= scope.asOf ? d.publishedOn : null;
    return {
      id: String(d.id),
      link: `/openness/calendar/${d.orgId}`,
      label: `${org} ${type}`,
      cells: {
        org,
        itemType: type,
        what: d.period ?? d.matter,
        dueOn: d.dueOn,
        publishedOn,
        state: STATE_LABELS[dueState(d.dueOn, publishedOn, scope.asOf)],
      },
    };
  });
  return { items, total };
}

export function disclosureFigures(): { source: FigureSource; figures: Figure[] } {
  const names: Name[] = ['due', 'on_time', 'late', 'overdue'];
  const figures: Figure[] = names.map(
    (name): Figure => ({
      key: `disclosure.${name}`,
      module: 'disclosure',
      ...DEFINITIONS[name],
      permission: 'disclosure.read',
      protected: false,
      kind: 'count',
      dashboard: ['card'],
      columns: COLUMNS,
      records: (scope, page) => records(scope, name, page),
    }),
  );
  figures.push({
    key: 'disclosure.on_time_rate',
    module: 'disclosure',
    ...DEFINITIONS.on_time_rate,
    permission: 'disclosure.read',
    protected: false,
    kind: 'ratio',
    dashboard: ['card'],
    numerator: 'disclosure.on_time',
    denominator: 'disclosure.due',
  });
  figures.push(...objectionFigures());
  const source: FigureSource = {
    module: 'disclosure',
    label: '政务村务公开',
    async count(scope, keys) {
      const out: Record<string, FigureValue> = {};
      for (const key of keys) {
        const name = key.slice('disclosure.'.length);
        if (names.includes(name as Name)) out[key] = { value: await countFigure(scope, name as Name) };
        else if (OBJECTION_NAMES.includes(name as ObjectionName))
          out[key] = { value: await countObjections(scope, name as ObjectionName) };
      }
      return out;
    },
  };
  return { source, figures };
}
