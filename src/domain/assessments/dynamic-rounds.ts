/**
 * 动态考核轮次: a round (monthly, quarterly or half-year as configured) of one indicator system for a
 * set of units, taken through its stages in order — 自评 by the units, 评分 by the responsible
 * offices, 复核, then 已发布 — each stage with its deadline. Each stage writes its own score lines;
 * the final points of an item are the review's when it gave one, else the offices'. A published round
 * is read-only; reopening it (back to 复核) needs a reason.
 */
import type { Problem } from './indicators.js';

/** The kinds of assessed an indicator system is for. */
export const SYSTEM_KINDS = {
  township_leader: '镇领导班子成员',
  middle: '中层干部',
  village: '村干部',
  unit: '村（部门）单位',
} as const;

export const ROUND_CADENCES = { monthly: '月度', quarterly: '季度', half_year: '半年' } as const;
export type RoundCadence = keyof typeof ROUND_CADENCES;

export const ROUND_STAGES = {
  self: '单位自评',
  scoring: '科室评分',
  review: '复核',
  published: '已发布',
} as const;
export type RoundStage = keyof typeof ROUND_STAGES;
/** The stages that take score lines, in order; each has a deadline. */
export const SCORING_STAGES = ['self', 'scoring', 'review'] as const;
export type ScoringStage = (typeof SCORING_STAGES)[number];

const PERIOD = {
  monthly: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarterly: /^(\d{4})Q([1-4])$/,
  half_year: /^(\d{4})H([12])$/,
} as const;
const PERIOD_EXAMPLE = { monthly: '2026-03', quarterly: '2026Q1', half_year: '2026H1' } as const;

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The period's label in Chinese and its last day, or a problem naming the `period` field. */
export function roundPeriod(
  cadence: RoundCadence,
  period: string,
): { label: string; start: string; end: string } | { problem: Problem } {
  const m = PERIOD[cadence].exec(period);
  if (!m)
    return {
      problem: {
        field: 'period',
        message: `${ROUND_CADENCES[cadence]}考核期的格式应如 ${PERIOD_EXAMPLE[cadence]}`,
      },
    };
  const y = Number(m[1]);
  const n = Number(m[2]);
  const [first, last, label] =
    cadence === 'monthly'
      ? [n, n, `${y}年${n}月`]
      : cadence === 'quarterly'
        ? [n * 3 - 2, n * 3, `${y}年第${'一二三四'[n - 1]}季度`]
        : [n * 6 - 5, n * 6, `${y}年${n === 1 ? '上' : '下'}半年`];
  return { label, start: iso(y, first, 1), end: iso(y, last, lastDay(y, last)) };
}

/** Each stage's deadline: on or after the period's end, and no stage due before the one before it. */
export function deadlineProblem(periodEnd: string, due: Record<ScoringStage, string>): Problem | null {
  let previous = periodEnd;
  for (const stage of SCORING_STAGES) {
    if (due[stage] < previous)
      return {
        field: `deadlines.${stage}`,
        message:
          previous === periodEnd
            ? `${ROUND_STAGES[stage]}截止日期不能早于考核期末 ${periodEnd}`
            : `${ROUND_STAGES[stage]}截止日期不能早于上一阶段的截止日期 ${previous}`,
      };
    previous = due[stage];
  }
  return null;
}

export type RoundMove = 'advance' | 'reopen';

/** The stage a move leads to from `stage`, or a problem saying why not (a guarded transition). */
export function nextStage(stage: RoundStage, move: RoundMove): { stage: RoundStage } | { problem: Problem } {
  if (move === 'reopen')
    return stage === 'published'
      ? { stage: 'review' }
      : { problem: { field: 'stage', message: '只有已发布的考核才能重新打开' } };
  const i = SCORING_STAGES.indexOf(stage as ScoringStage);
  if (i < 0) return { problem: { field: 'stage', message: '考核已发布，只读；如需修改请先重新打开' } };
  return { stage: SCORING_STAGES[i + 1] ?? 'published' };
}

/** Whether a stage takes score lines (a published round is read-only). */
export const acceptsLines = (stage: RoundStage): stage is ScoringStage => stage !== 'published';

export interface StageLine {
  subjectOrgId: number;
  itemKey: string;
  stage: ScoringStage;
  points: number;
}

/** The points that count: per unit and item, the review's when given, else the offices' (self never counts). */
export function finalPoints(lines: StageLine[]): Map<number, Map<string, number>> {
  const out = new Map<number, Map<string, number>>();
  for (const stage of ['scoring', 'review'] as const)
    for (const l of lines.filter((x) => x.stage === stage)) {
      const unit = out.get(l.subjectOrgId) ?? new Map<string, number>();
      unit.set(l.itemKey, l.points);
      out.set(l.subjectOrgId, unit);
    }
  return out;
}

/** 自评与评分差异: per item the self points against the final points, largest gap first. */
export function selfGaps(lines: StageLine[], subjectOrgId: number) {
  const final = finalPoints(lines).get(subjectOrgId) ?? new Map<string, number>();
  const gaps: { itemKey: string; self: number; final: number | null; gap: number | null }[] = [];
  for (const l of lines.filter((x) => x.stage === 'self' && x.subjectOrgId === subjectOrgId)) {
    const f = final.get(l.itemKey) ?? null;
    gaps.push({
      itemKey: l.itemKey,
      self: l.points,
      final: f,
      gap: f === null ? null : Math.round((f - l.points) * 100) / 100,
    });
  }
  return gaps.sort((a, b) => Math.abs(b.gap ?? 0) - Math.abs(a.gap ?? 0));
}

/**
 * Per unit, the scored items (`required`) that a stage has not given points to yet: the matrix's
 * “未评分”, and what stops the offices' scoring from going to review.
 */
export function unscored(
  units: number[],
  required: string[],
  lines: StageLine[],
  stage: ScoringStage,
): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const unit of units) {
    const given = new Set(
      lines.filter((l) => l.subjectOrgId === unit && l.stage === stage).map((l) => l.itemKey),
    );
    const missing = required.filter((k) => !given.has(k));
    if (missing.length) out.set(unit, missing);
  }
  return out;
}
