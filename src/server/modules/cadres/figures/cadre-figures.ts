import { and, asc, between, count, eq, gt, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { lastCountedDay } from '../../../../domain/figure-period.js';
import { recusalFilter, scopeFilter } from '../../../platform/access/scope.js';
import { type SliceColumns, sliceCondition, sliceKeySql } from '../../../platform/figures/breakdown.js';
import { dictionaryLabels } from '../../../platform/figures/dictionary-labels.js';
import type {
  Breakdown,
  DashboardUse,
  Figure,
  FigureColumn,
  FigureGroup,
  FigureRecord,
  FigureScope,
  FigureSource,
  FigureValue,
  PageRequest,
} from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { cadres, tenures } from '../schema.js';

/**
 * The cadres' figures: posts held on the as-of date by level, and departures in the period (all,
 * and from principal posts) by reason. Each counts tenure records (任职经历) whose post lies in the
 * org's subtree and whose cadre the caller may open (scope on the cadre's org, recusal, not deleted).
 */
type Name = 'in_post' | 'departed' | 'departed_principal';

const NONE = 'none';
const DEFINITIONS: Record<Name, { label: string; unit: string; definition: string }> = {
  in_post: {
    label: '在任干部',
    unit: '名',
    definition:
      '截至日期在任的任职记录数，按职务层次分列：任职开始日期不晚于截至日期、截至日期时尚未离任（无离任日期或离任日期晚于截至日期），任职单位为所选单位或其下级；不看统计期。每条任职记录计一名，兼职另行登记，不计入',
  },
  departed: {
    label: '离任',
    unit: '人次',
    definition:
      '离任日期在统计期内（且不晚于截至日期）的任职记录数，按离任原因分列；一人离任两个职务的各计一次',
  },
  departed_principal: {
    label: '主要领导离任',
    unit: '人次',
    definition: '离任中，离任职务为正职（单位主要领导）的人次；主要领导离任须进行离任审计',
  },
};

const col = (key: string, label: string): FigureColumn => ({ key, label });
const COLUMNS = [
  col('name', '姓名'),
  col('org', '任职单位'),
  col('title', '职务'),
  col('level', '职务层次'),
  col('startDate', '任职日期'),
];
const DEPARTURE_COLUMNS = [...COLUMNS, col('endDate', '离任日期'), col('endReason', '离任原因')];

/** The tenures a figure is about, with the caller's view of cadres. */
function tenuresOf(scope: FigureScope, name: Name): SQL {
  const { actor } = scope;
  const visible = and(
    isNull(cadres.deletedAt),
    scopeFilter(actor, cadres.orgId),
    recusalFilter(actor, cadres.id),
    inArray(
      tenures.orgId,
      sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`,
    ),
    sliceCondition(scope, slicesOf(name)),
  );
  if (name === 'in_post')
    return and(
      visible,
      lte(tenures.startDate, scope.asOf),
      or(isNull(tenures.endDate), gt(tenures.endDate, scope.asOf)),
    )!;
  const departed = and(visible, between(tenures.endDate, scope.from, lastCountedDay(scope)));
  return name === 'departed_principal' ? and(departed, eq(tenures.isPrincipal, true))! : departed!;
}

/** A tenure's org is its post's; a departure's month is its 离任日期's (a post held has no month). */
const slicesOf = (name: Name): SliceColumns =>
  name === 'in_post' ? { org: tenures.orgId } : { org: tenures.orgId, on: tenures.endDate };

const BREAKDOWNS_OF: Record<Name, Breakdown[]> = {
  in_post: ['org'],
  departed: ['month', 'org'],
  departed_principal: ['month', 'org'],
};
const DASHBOARD: Record<Name, DashboardUse[]> = {
  in_post: ['card', 'org', 'category'],
  departed: ['card', 'trend', 'category'],
  departed_principal: ['card'],
};

/** One statement: the figure by month of departure or by child org. */
async function countCadreSlices(scope: FigureScope, name: Name, by: Breakdown) {
  const key = sliceKeySql(scope, by, slicesOf(name));
  const rows = await scope.db
    .select({ s: key, n: count() })
    .from(tenures)
    .innerJoin(cadres, eq(cadres.id, tenures.cadreId))
    .where(tenuresOf(scope, name))
    .groupBy(sql`1`);
  return rows.map((r) => ({ key: String(r.s), value: Number(r.n) }));
}

const dimensionOf = (name: Name) =>
  name === 'in_post'
    ? { column: tenures.level, dict: 'position_level', none: '未定职务层次', label: '职务层次', key: 'level' }
    : name === 'departed'
      ? {
          column: tenures.endReason,
          dict: 'tenure_end_reason',
          none: '未填原因',
          label: '离任原因',
          key: 'reason',
        }
      : null;

async function countCadreFigure(scope: FigureScope, name: Name): Promise<FigureValue> {
  const { db } = scope;
  const dim = dimensionOf(name);
  const from = db.select({ g: dim ? dim.column : sql<null>`null`, n: count() }).from(tenures);
  const rows = await from
    .innerJoin(cadres, eq(cadres.id, tenures.cadreId))
    .where(tenuresOf(scope, name))
    .groupBy(dim ? dim.column : sql`1`);
  const value = rows.reduce((s, r) => s + Number(r.n), 0);
  if (!dim) return { value };
  const labels = await dictionaryLabels(db, dim.dict);
  const groups: FigureGroup[] = rows
    .map((r) => ({ code: r.g as string | null, n: Number(r.n) }))
    .sort((a, b) => labels.rank(a.code) - labels.rank(b.code) || b.n - a.n)
    .map((g) => ({ key: g.code ?? NONE, label: labels.label(g.code, dim.none), value: g.n }));
  return { value, groups };
}

async function cadreRecords(
  scope: FigureScope,
  name: Name,
  page: PageRequest,
  group?: string,
): Promise<{ items: FigureRecord[]; total: number; groupLabel?: string }> {
  const { db } = scope;
  const dim = dimensionOf(name);
  const where = and(
    tenuresOf(scope, name),
    dim && group ? (group === NONE ? isNull(dim.column) : eq(dim.column, group)) : undefined,
  );
  const [levels, reasons] = await Promise.all([
    dictionaryLabels(db, 'position_level'),
    dictionaryLabels(db, 'tenure_end_reason'),
  ]);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: tenures.id,
        cadreId: cadres.id,
        name: cadres.name,
        org: orgs.name,
        title: tenures.title,
        level: tenures.level,
        startDate: tenures.startDate,
        endDate: tenures.endDate,
        endReason: tenures.endReason,
      })
      .from(tenures)
      .innerJoin(cadres, eq(cadres.id, tenures.cadreId))
      .leftJoin(orgs, eq(orgs.id, tenures.orgId))
      .where(where)
      .orderBy(asc(cadres.namePinyin), asc(tenures.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db
      .select({ total: count() })
      .from(tenures)
      .innerJoin(cadres, eq(cadres.id, tenures.cadreId))
      .where(where),
  ]);
  const items = rows.map(
    (r): FigureRecord => ({
      id: String(r.id),
      link: `/cadres/${r.cadreId}`,
      label: r.name,
      cells: {
        name: r.name,
        org: r.org,
        title: r.title,
        level: levels.label(r.level, '未定职务层次'),
        startDate: r.startDate,
        endDate: r.endDate,
        endReason: r.endDate ? reasons.label(r.endReason, '未填原因') : null,
      },
    }),
  );
  const groupLabel =
    dim && group
      ? (name === 'in_post' ? levels : reasons).label(group === NONE ? null : group, dim.none)
      : undefined;
  return { items, total: Number(total), ...(groupLabel ? { groupLabel } : {}) };
}

export function cadreFigures(): { source: FigureSource; figures: Figure[] } {
  const names = Object.keys(DEFINITIONS) as Name[];
  const figures = names.map(
    (name): Figure => ({
      key: `cadres.${name}`,
      module: 'cadres',
      ...DEFINITIONS[name],
      permission: 'cadre.read',
      protected: true,
      dashboard: DASHBOARD[name],
      breakdowns: BREAKDOWNS_OF[name],
      kind: 'count',
      ...(dimensionOf(name)
        ? { dimension: { key: dimensionOf(name)!.key, label: dimensionOf(name)!.label } }
        : {}),
      columns: name === 'in_post' ? COLUMNS : DEPARTURE_COLUMNS,
      records: (scope, page, group) => cadreRecords(scope, name, page, group),
    }),
  );
  const source: FigureSource = {
    module: 'cadres',
    label: '干部队伍',
    async count(scope, keys, by) {
      const out: Record<string, FigureValue> = {};
      for (const key of keys) {
        const name = key.slice('cadres.'.length) as Name;
        out[key] = await countCadreFigure(scope, name);
        const slices: FigureValue['slices'] = {};
        for (const b of by ?? [])
          if (BREAKDOWNS_OF[name].includes(b)) slices[b] = await countCadreSlices(scope, name, b);
        if (Object.keys(slices).length) out[key].slices = slices;
      }
      return out;
    },
  };
  return { source, figures };
}
