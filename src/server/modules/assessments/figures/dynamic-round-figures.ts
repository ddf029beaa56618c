import { and, asc, between, eq, inArray, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import {
  ROUND_STAGES,
  type RoundStage,
  SYSTEM_KINDS,
} from '../../../../domain/assessments/dynamic-rounds.js';
import { chinaDate } from '../../../../domain/calendar.js';
import { lastCountedDay } from '../../../../domain/figure-period.js';
import { scopeFilter } from '../../../platform/access/scope.js';
import type { Figure, FigureRecord, FigureScope, PageRequest } from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import type { IndicatorItem } from '../contract.js';
import { dynamicRounds as d, dynamicRoundLines, indicatorSystems } from '../schema.js';
import { scorableItems } from '../score-dynamic-round.js';

/**
 * 动态考核 figures, as of a date:
 * - `dynamic_published`: the rounds published in the period (by the kind of assessed);
 * - `dynamic_points` / `dynamic_full`: the published units' totals and their full marks (100 each,
 *   the weights sum to 100), whose ratio `dynamic_score_rate` is the average score as a rate;
 * - `dynamic_overdue`: the units of rounds whose 科室评分 deadline had passed by the as-of day with
 *   their scored items not all given points by then (the round not yet published then);
 * - `dynamic_self_overdue`: the same for 自评 — the units whose 自评 deadline had passed by the as-of
 *   day without their own lines for every scored item by then (the round not yet published then).
 * Counted over the rounds the caller can open (the round's org in scope), in the asked org's subtree.
 * A round reopened after the as-of day no longer counts as published then (its results are recomposed).
 */
export type DynamicName =
  | 'dynamic_published'
  | 'dynamic_points'
  | 'dynamic_full'
  | 'dynamic_overdue'
  | 'dynamic_self_overdue';
export const DYNAMIC_NAMES: DynamicName[] = [
  'dynamic_published',
  'dynamic_points',
  'dynamic_full',
  'dynamic_overdue',
  'dynamic_self_overdue',
];

const DEFINITIONS: Record<
  DynamicName | 'dynamic_score_rate',
  { label: string; unit: string; definition: string }
> = {
  dynamic_published: {
    label: '动态考核发布轮次',
    unit: '轮',
    definition: '发布日期在统计期内（且不晚于截至日期）的动态考核轮次（按考核对象类别分组）',
  },
  dynamic_points: {
    label: '动态考核得分合计',
    unit: '分',
    definition: '统计期内发布的动态考核中各被考核单位的最终得分之和',
  },
  dynamic_full: {
    label: '动态考核满分合计',
    unit: '分',
    definition: '统计期内发布的动态考核中各被考核单位的满分之和（每单位 100 分）',
  },
  dynamic_overdue: {
    label: '动态考核逾期未评分',
    unit: '个次',
    definition: '截至日期科室评分期限已过、考核尚未发布，而仍有考核指标未评分的被考核单位（每轮每单位一次）',
  },
  dynamic_self_overdue: {
    label: '动态考核逾期未自评',
    unit: '个次',
    definition: '截至日期单位自评期限已过、考核尚未发布，而该单位仍有考核指标未自评的（每轮每单位一次）',
  },
  dynamic_score_rate: {
    label: '动态考核平均得分率',
    unit: '%',
    definition: '动态考核得分合计 ÷ 动态考核满分合计 × 100%（即发布结果的平均分）',
  },
};

const COLUMNS: Record<DynamicName, { key: string; label: string }[]> = {
  dynamic_published: [
    { key: 'kind', label: '考核对象' },
    { key: 'period', label: '考核期' },
    { key: 'publishedOn', label: '发布日期' },
    { key: 'units', label: '被考核单位' },
  ],
  dynamic_points: [
    { key: 'round', label: '考核' },
    { key: 'kind', label: '考核对象' },
    { key: 'total', label: '得分' },
    { key: 'publishedOn', label: '发布日期' },
  ],
  dynamic_full: [
    { key: 'round', label: '考核' },
    { key: 'kind', label: '考核对象' },
    { key: 'total', label: '得分' },
    { key: 'publishedOn', label: '发布日期' },
  ],
  dynamic_overdue: [
    { key: 'round', label: '考核' },
    { key: 'due', label: '科室评分期限' },
    { key: 'missing', label: '未评分指标' },
    { key: 'stage', label: '当前阶段' },
  ],
  dynamic_self_overdue: [
    { key: 'round', label: '考核' },
    { key: 'due', label: '单位自评期限' },
    { key: 'missing', label: '未自评指标' },
    { key: 'stage', label: '当前阶段' },
  ],
};

const inSubtree = (scope: FigureScope) =>
  inArray(d.orgId, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`);
const kindLabel = (kind: string) => SYSTEM_KINDS[kind as keyof typeof SYSTEM_KINDS] ?? kind;

export type DynamicRow = FigureRecord & { group?: string };

async function publishedRounds(scope: FigureScope) {
  const where: SQL = and(
    inSubtree(scope),
    scopeFilter(scope.actor, d.orgId),
    isNotNull(d.publishedOn),
    between(d.publishedOn, scope.from, lastCountedDay(scope)),
  )!;
  return scope.db
    .select({ round: d, kind: indicatorSystems.kind })
    .from(d)
    .innerJoin(indicatorSystems, eq(indicatorSystems.id, d.systemId))
    .where(where)
    .orderBy(asc(d.publishedOn), asc(d.id));
}

/** The units of rounds past the deadline of `stage` on the as-of day with that stage's lines missing then. */
async function overdueRows(scope: FigureScope, stage: 'self' | 'scoring'): Promise<DynamicRow[]> {
  const rounds = await scope.db
    .select()
    .from(d)
    .where(
      and(
        inSubtree(scope),
        scopeFilter(scope.actor, d.orgId),
        lt(sql`${d.deadlines}->>${stage}`, scope.asOf),
        sql`(${d.publishedOn} is null or ${d.publishedOn} > ${scope.asOf})`,
      ),
    )
    .orderBy(asc(d.periodEnd), asc(d.id));
  const out: DynamicRow[] = [];
  for (const round of rounds) {
    // made after the as-of day: not there yet
    if (chinaDate(round.createdAt) > scope.asOf) continue;
    const required = scorableItems(round.items as IndicatorItem[])
      .filter((i) => i.kind === 'score' && !i.auto)
      .map((i) => i.key);
    const lines = await scope.db
      .select({
        unit: dynamicRoundLines.subjectOrgId,
        item: dynamicRoundLines.itemKey,
        at: dynamicRoundLines.scoredAt,
      })
      .from(dynamicRoundLines)
      .where(and(eq(dynamicRoundLines.roundId, round.id), eq(dynamicRoundLines.stage, stage)));
    const names = await scope.db
      .select({ id: orgs.id, name: orgs.name })
      .from(orgs)
      .where(inArray(orgs.id, round.subjectOrgIds));
    for (const unit of round.subjectOrgIds) {
      const done = new Set(
        lines.filter((l) => l.unit === unit && chinaDate(l.at) <= scope.asOf).map((l) => l.item),
      );
      const missing = required.filter((k) => !done.has(k));
      if (!missing.length) continue;
      out.push({
        id: `${round.id}:${unit}`,
        link: `/assessments/dynamic-rounds/${round.id}`,
        label: names.find((n) => n.id === unit)?.name ?? String(unit),
        cells: {
          round: round.title,
          due: (round.deadlines as Record<string, string>)[stage],
          missing: missing.length,
          stage: ROUND_STAGES[round.stage as RoundStage] ?? round.stage,
        },
      });
    }
  }
  return out;
}

/** The records behind a dynamic-round figure, each with its group (the kind of assessed) where it has one. */
export async function dynamicRows(scope: FigureScope, name: DynamicName): Promise<DynamicRow[]> {
  if (name === 'dynamic_overdue') return overdueRows(scope, 'scoring');
  if (name === 'dynamic_self_overdue') return overdueRows(scope, 'self');
  const rounds = await publishedRounds(scope);
  if (name === 'dynamic_published')
    return rounds.map(({ round, kind }) => ({
      id: String(round.id),
      link: `/assessments/dynamic-rounds/${round.id}`,
      label: round.title,
      group: kind,
      cells: {
        kind: kindLabel(kind),
        period: round.period,
        publishedOn: round.publishedOn,
        units: round.subjectOrgIds.length,
      },
    }));
  return rounds.flatMap(({ round, kind }) =>
    ((round.results as { subjectOrgId: number; unitName: string; total: number }[] | null) ?? []).map(
      (x) => ({
        id: `${round.id}:${x.subjectOrgId}`,
        link: `/assessments/dynamic-rounds/${round.id}`,
        label: x.unitName,
        group: kind,
        weight: name === 'dynamic_points' ? Number(x.total) : 100,
        cells: {
          round: round.title,
          kind: kindLabel(kind),
          total: Number(x.total),
          publishedOn: round.publishedOn,
        },
      }),
    ),
  );
}

export const dynamicKindLabel = kindLabel;

type Records = (
  scope: FigureScope,
  name: DynamicName,
  page: PageRequest,
  group?: string,
) => Promise<{ items: FigureRecord[]; total: number }>;

/** The figures; their records and counts are served by the assessments source (assessment-figures.ts). */
export function dynamicRoundFigures(records: Records): Figure[] {
  const list: Figure[] = DYNAMIC_NAMES.map(
    (name): Figure => ({
      key: `assessments.${name}`,
      module: 'assessments',
      ...DEFINITIONS[name],
      permission: 'assessment.read',
      protected: false,
      kind: name === 'dynamic_points' || name === 'dynamic_full' ? 'sum' : 'count',
      // the rounds by the kind of assessed; the sums are not broken down (a group counts rows)
      dimension: name === 'dynamic_published' ? { key: 'kind', label: '考核对象' } : undefined,
      columns: COLUMNS[name],
      dashboard:
        name === 'dynamic_published'
          ? ['card', 'category']
          : name === 'dynamic_overdue' || name === 'dynamic_self_overdue'
            ? ['card']
            : undefined,
      records: (scope, page, group) => records(scope, name, page, group),
    }),
  );
  return [
    ...list,
    {
      key: 'assessments.dynamic_score_rate',
      module: 'assessments',
      ...DEFINITIONS.dynamic_score_rate,
      permission: 'assessment.read',
      protected: false,
      kind: 'ratio',
      numerator: 'assessments.dynamic_points',
      denominator: 'assessments.dynamic_full',
      dashboard: ['card'],
    },
  ];
}
