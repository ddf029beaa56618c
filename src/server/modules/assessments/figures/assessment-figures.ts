import { and, asc, between, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { GRADES } from '../../../../domain/assessments/grades.js';
import { UNIT_EVALUATION_KINDS, type UnitEvaluationKind } from '../../../../domain/assessments/ranking.js';
import { lastCountedDay } from '../../../../domain/figure-period.js';
import { recusalFilter, scopeFilter } from '../../../platform/access/scope.js';
import type {
  Figure,
  FigureRecord,
  FigureScope,
  FigureSource,
  FigureValue,
  PageRequest,
} from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { cadres } from '../../cadres/schema.js';
import { evaluationVisibility } from '../access.js';
import { annualGrades, evaluations, lastPlaces, unitEvaluationRounds as r } from '../schema.js';
import {
  DYNAMIC_NAMES,
  type DynamicName,
  dynamicKindLabel,
  dynamicRoundFigures,
  dynamicRows,
} from './dynamic-round-figures.js';

/**
 * 考核 figures, as of a date: unit evaluation rounds held in the period, the 末位 units of those
 * rounds (and the 警告 among them), the annual grades of the period's years decided by the as-of
 * date (by grade), democratic evaluations held and the ballots cast in them. Counted over what the
 * caller can open (scope; recusal for grades and evaluations), in the asked org's subtree.
 */
type Name = 'rounds' | 'last_places' | 'warnings' | 'grades' | 'excellent' | 'evaluations' | 'ballots';

const DEFINITIONS: Record<Name, { label: string; unit: string; definition: string }> = {
  rounds: {
    label: '单位考评轮次',
    unit: '轮',
    definition: '考评日期在统计期内的目标考评、现场观摩、行风评比轮次',
  },
  last_places: {
    label: '排名末位单位',
    unit: '个次',
    definition: '统计期内各轮单位考评中排名末位的单位（按惩处或警告分组）',
  },
  warnings: {
    label: '连续末位给予警告',
    unit: '名',
    definition: '统计期内因所负责单位连续排名末位被提出警告、年度考核定为不称职的主要负责人',
  },
  grades: {
    label: '年度考核评定',
    unit: '人',
    definition: '考核年度在统计期内、截至日期已评定的年度考核等次（按等次分组）',
  },
  excellent: {
    label: '年度考核优秀',
    unit: '人',
    definition: '考核年度在统计期内、截至日期已评定为优秀的人数',
  },
  evaluations: { label: '民主测评', unit: '次', definition: '测评日期在统计期内的民主测评' },
  ballots: { label: '民主测评票数', unit: '张', definition: '统计期内民主测评收回的测评票（网上与纸质）' },
};

const inSubtree = (col: Parameters<typeof inArray>[0], scope: FigureScope) =>
  inArray(col, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`);
const years = (scope: FigureScope) =>
  between(annualGrades.year, Number(scope.from.slice(0, 4)), Number(lastCountedDay(scope).slice(0, 4)));

const roundsWhere = (scope: FigureScope): SQL =>
  and(
    inSubtree(r.orgId, scope),
    scopeFilter(scope.actor, r.orgId),
    between(r.heldOn, scope.from, lastCountedDay(scope)),
  )!;
const gradesWhere = (scope: FigureScope, excellent = false): SQL =>
  and(
    inSubtree(annualGrades.orgId, scope),
    scopeFilter(scope.actor, annualGrades.orgId),
    recusalFilter(scope.actor, annualGrades.cadreId),
    years(scope),
    lte(annualGrades.decidedOn, scope.asOf),
    excellent ? eq(annualGrades.grade, '优秀') : inArray(annualGrades.grade, [...GRADES]),
  )!;
const evaluationsWhere = (scope: FigureScope): SQL =>
  and(
    inSubtree(evaluations.orgId, scope),
    evaluationVisibility(scope.actor),
    between(evaluations.heldOn, scope.from, lastCountedDay(scope)),
  )!;

async function rows(scope: FigureScope, name: Name | DynamicName): Promise<FigureRecord[]> {
  if ((DYNAMIC_NAMES as string[]).includes(name)) return dynamicRows(scope, name as DynamicName);
  const db = scope.db;
  if (name === 'rounds') {
    const list = await db.select().from(r).where(roundsWhere(scope)).orderBy(asc(r.heldOn), asc(r.id));
    return list.map((x) => ({
      id: String(x.id),
      link: `/assessments/rounds/${x.id}`,
      label: x.title,
      cells: { kind: UNIT_EVALUATION_KINDS[x.kind as UnitEvaluationKind] ?? x.kind, heldOn: x.heldOn },
    }));
  }
  if (name === 'last_places' || name === 'warnings') {
    const list = await db
      .select({ l: lastPlaces, round: r, unit: orgs.name, cadre: cadres.name })
      .from(lastPlaces)
      .innerJoin(r, eq(r.id, lastPlaces.roundId))
      .innerJoin(orgs, eq(orgs.id, lastPlaces.unitOrgId))
      .leftJoin(cadres, eq(cadres.id, lastPlaces.cadreId))
      .where(and(roundsWhere(scope), name === 'warnings' ? eq(lastPlaces.outcome, 'warning') : undefined))
      .orderBy(asc(r.heldOn), asc(lastPlaces.id));
    return list.map(({ l, round, unit, cadre }) => ({
      id: String(l.id),
      link: `/assessments/rounds/${round.id}`,
      label: unit,
      group: l.outcome,
      cells: {
        round: round.title,
        heldOn: round.heldOn,
        leader: cadre,
        outcome: l.outcome === 'warning' ? `连续 ${l.consecutive} 次末位，警告` : '末位惩处',
      },
    }));
  }
  if (name === 'grades' || name === 'excellent') {
    const list = await db
      .select({ g: annualGrades, cadre: cadres.name })
      .from(annualGrades)
      .innerJoin(cadres, eq(cadres.id, annualGrades.cadreId))
      .where(gradesWhere(scope, name === 'excellent'))
      .orderBy(asc(annualGrades.year), asc(annualGrades.id));
    return list.map(({ g, cadre }) => ({
      id: String(g.id),
      link: `/assessments/grades?year=${g.year}`,
      label: cadre,
      group: g.grade,
      cells: { year: g.year, grade: g.grade, decidedOn: g.decidedOn },
    }));
  }
  const list = await db
    .select({
      e: evaluations,
      n: sql<number>`(select count(*)::int from evaluation_ballots b where b.evaluation_id = "evaluations"."id")`,
    })
    .from(evaluations)
    .where(evaluationsWhere(scope))
    .orderBy(asc(evaluations.heldOn), asc(evaluations.id));
  return list.map(({ e, n }) => ({
    id: String(e.id),
    link: `/assessments/evaluations/${e.id}`,
    label: e.title,
    weight: name === 'ballots' ? Number(n) : undefined,
    cells: { heldOn: e.heldOn, ballots: Number(n), status: e.status === 'closed' ? '已结束' : '进行中' },
  }));
}

type Row = FigureRecord & { group?: string };

const SUMS = new Set<string>(['ballots', 'dynamic_points', 'dynamic_full']);
const GROUPED = new Set<string>(['grades', 'last_places', 'dynamic_published']);

function figureValueOf(name: Name | DynamicName, list: Row[]): FigureValue {
  const add = (l: Row[]) =>
    SUMS.has(name) ? Math.round(l.reduce((n, x) => n + (x.weight ?? 0), 0) * 100) / 100 : l.length;
  const value = add(list);
  if (!GROUPED.has(name)) return { value };
  const labels: Record<string, string> = { penalty: '末位惩处', warning: '警告' };
  const label = (key: string) => labels[key] ?? (name.startsWith('dynamic_') ? dynamicKindLabel(key) : key);
  const groups = new Map<string, Row[]>();
  for (const x of list) groups.set(x.group!, [...(groups.get(x.group!) ?? []), x]);
  return { value, groups: [...groups].map(([key, l]) => ({ key, label: label(key), value: add(l) })) };
}

async function records(scope: FigureScope, name: Name | DynamicName, page: PageRequest, group?: string) {
  const all = (await rows(scope, name)) as Row[];
  const chosen = group ? all.filter((x) => x.group === group) : all;
  return {
    total: chosen.length,
    items: chosen
      .slice((page.page - 1) * page.pageSize, page.page * page.pageSize)
      .map(({ group: _g, ...x }) => x),
  };
}

const COLUMNS: Record<Name, { key: string; label: string }[]> = {
  rounds: [
    { key: 'kind', label: '考评类别' },
    { key: 'heldOn', label: '考评日期' },
  ],
  last_places: [
    { key: 'round', label: '考评' },
    { key: 'heldOn', label: '日期' },
    { key: 'leader', label: '主要负责人' },
    { key: 'outcome', label: '结果' },
  ],
  warnings: [
    { key: 'round', label: '考评' },
    { key: 'heldOn', label: '日期' },
    { key: 'leader', label: '主要负责人' },
    { key: 'outcome', label: '结果' },
  ],
  grades: [
    { key: 'year', label: '年度' },
    { key: 'grade', label: '等次' },
    { key: 'decidedOn', label: '评定日期' },
  ],
  excellent: [
    { key: 'year', label: '年度' },
    { key: 'grade', label: '等次' },
    { key: 'decidedOn', label: '评定日期' },
  ],
  evaluations: [
    { key: 'heldOn', label: '测评日期' },
    { key: 'ballots', label: '票数' },
    { key: 'status', label: '状态' },
  ],
  ballots: [
    { key: 'heldOn', label: '测评日期' },
    { key: 'ballots', label: '票数' },
    { key: 'status', label: '状态' },
  ],
};

export const ASSESSMENT_FIGURE_NAMES: Name[] = [
  'rounds',
  'last_places',
  'warnings',
  'grades',
  'excellent',
  'evaluations',
  'ballots',
];

export function assessmentFigures(): { source: FigureSource; figures: Figure[] } {
  const figures: Figure[] = ASSESSMENT_FIGURE_NAMES.map((name) => ({
    key: `assessments.${name}`,
    module: 'assessments',
    ...DEFINITIONS[name],
    permission: 'assessment.read',
    protected: name === 'grades' || name === 'excellent' || name === 'warnings',
    kind: name === 'ballots' ? 'sum' : 'count',
    dimension:
      name === 'grades'
        ? { key: 'grade', label: '等次' }
        : name === 'last_places'
          ? { key: 'outcome', label: '结果' }
          : undefined,
    columns: COLUMNS[name],
    dashboard: name === 'grades' ? ['card', 'category'] : ['card'],
    records: (scope, page, group) => records(scope, name, page, group),
  }));
  figures.push(...dynamicRoundFigures(records));
  const source: FigureSource = {
    module: 'assessments',
    label: '考核',
    async count(scope, keys) {
      const out: Record<string, FigureValue> = {};
      for (const key of keys) {
        const name = key.slice('assessments.'.length) as Name | DynamicName;
        if ([...ASSESSMENT_FIGURE_NAMES, ...DYNAMIC_NAMES].includes(name))
          out[key] = figureValueOf(name, (await rows(scope, name)) as Row[]);
      }
      return out;
    },
  };
  return { source, figures };
}
