import { and, asc, count, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { lastCountedDay } from '../../../../domain/figure-period.js';
import { scopeFilter } from '../../../platform/access/scope.js';
import type {
  Figure,
  FigureColumn,
  FigureRecord,
  FigureScope,
  PageRequest,
} from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { disclosureObjections as o } from '../objections/schema.js';
import { disclosures } from '../schema.js';

/**
 * The villagers' objections (村民异议) as figures, as of a date: those received in the period, and
 * those answered by their due day (an answer given after the as-of date does not count yet).
 * Counted where the answering unit lies in the asked org's subtree and the caller's scope. The
 * drill-down names the unit, the item and the days — never the objection's text.
 */
export type ObjectionName = 'objections' | 'objections_answered_on_time';
export const OBJECTION_NAMES: ObjectionName[] = ['objections', 'objections_answered_on_time'];

const DEFINITIONS: Record<
  ObjectionName | 'objections_on_time_rate',
  { label: string; unit: string; definition: string }
> = {
  objections: {
    label: '村民异议',
    unit: '件',
    definition: '统计期内（且不晚于截至日期）收到的村民对已公开事项的异议件数，答复单位为所选单位或其下级',
  },
  objections_answered_on_time: {
    label: '异议按时答复',
    unit: '件',
    definition: '村民异议中，截至日期已答复且答复日期不晚于答复期限的件数',
  },
  objections_on_time_rate: {
    label: '异议按时答复率',
    unit: '%',
    definition: '异议按时答复 ÷ 村民异议 × 100%',
  },
};

const col = (key: string, label: string): FigureColumn => ({ key, label });
const COLUMNS = [
  col('org', '答复单位'),
  col('indexNo', '索引号'),
  col('item', '公开事项'),
  col('receivedOn', '收到日期'),
  col('dueOn', '答复期限'),
  col('answeredOn', '答复日期'),
  col('onTime', '是否按时'),
];

const subtree = (scope: FigureScope) =>
  inArray(o.orgId, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`);

function where(scope: FigureScope, name: ObjectionName): SQL {
  const received = and(
    subtree(scope),
    scopeFilter(scope.actor, o.orgId),
    sql`${o.receivedOn} between ${scope.from} and ${lastCountedDay(scope)}`,
  )!;
  if (name === 'objections') return received;
  return and(received, lte(o.answeredOn, scope.asOf), lte(o.answeredOn, o.dueOn))!;
}

export async function countObjections(scope: FigureScope, name: ObjectionName): Promise<number> {
  const [r] = await scope.db.select({ n: count() }).from(o).where(where(scope, name));
  return Number(r.n);
}

/** Whether the answer came on time, as it stood on the as-of date. */
export function onTimeLabel(dueOn: string, answeredOn: string | null, asOf: string): string {
  if (answeredOn) return answeredOn <= dueOn ? '按时答复' : '逾期答复';
  return dueOn < asOf ? '逾期未答复' : '待答复';
}

async function records(scope: FigureScope, name: ObjectionName, page: PageRequest) {
  const total = await countObjections(scope, name);
  const rows = await scope.db
    .select({
      id: o.id,
      receivedOn: o.receivedOn,
      dueOn: o.dueOn,
      answeredOn: o.answeredOn,
      org: orgs.name,
      indexNo: disclosures.indexNo,
      title: disclosures.title,
    })
    .from(o)
    .innerJoin(orgs, eq(orgs.id, o.orgId))
    .innerJoin(disclosures, eq(disclosures.id, o.disclosureId))
    .where(where(scope, name))
    .orderBy(asc(o.receivedOn), asc(o.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const items: FigureRecord[] = rows.map((r) => {
    const answeredOn = r.answeredOn && r.answeredOn <= scope.asOf ? r.answeredOn : null;
    return {
      id: String(r.id),
      link: '/openness/objections',
      label: `${r.org} ${r.title}`,
      cells: {
        org: r.org,
        indexNo: r.indexNo,
        item: r.title,
        receivedOn: r.receivedOn,
        dueOn: r.dueOn,
        answeredOn,
        onTime: onTimeLabel(r.dueOn, answeredOn, scope.asOf),
      },
    };
  });
  return { items, total };
}

export function objectionFigures(): Figure[] {
  const figures: Figure[] = OBJECTION_NAMES.map(
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
    key: 'disclosure.objections_on_time_rate',
    module: 'disclosure',
    ...DEFINITIONS.objections_on_time_rate,
    permission: 'disclosure.read',
    protected: false,
    kind: 'ratio',
    dashboard: ['card'],
    numerator: 'disclosure.objections_answered_on_time',
    denominator: 'disclosure.objections',
  });
  return figures;
}
