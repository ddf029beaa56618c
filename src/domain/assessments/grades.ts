/**
 * 年度考核等次: 优秀 / 称职 / 基本称职 / 不称职, and 不定等次 for those new or on leave. The share of
 * 优秀 is capped (rule review.excellent_cap, percent) with the rounding written in the rule
 * (review.excellent_cap_rounding: floor | round | ceil); a grade cap (from 末位) limits a cadre's grade.
 */
export const GRADES = ['优秀', '称职', '基本称职', '不称职', '不定等次'] as const;
export type Grade = (typeof GRADES)[number];
export const RANKED_GRADES = ['优秀', '称职', '基本称职', '不称职'] as const;

export const GRADE_SOURCES = {
  dynamic: '动态考核',
  evaluation: '民主测评',
  decision: '党委（领导班子）研究决定',
} as const;
export type GradeSource = keyof typeof GRADE_SOURCES;

export type Rounding = 'floor' | 'round' | 'ceil';
export const ROUNDINGS: Record<Rounding, string> = { floor: '向下取整', round: '四舍五入', ceil: '向上取整' };

/** The most 优秀 grades among `graded` cadres (不定等次 not counted) at `percent` with the rounding. */
export function excellentMax(graded: number, percent: number, rounding: Rounding): number {
  const exact = (graded * percent) / 100;
  // 1e-9: 10 × 20% is 2, not 1.9999…
  if (rounding === 'floor') return Math.floor(exact + 1e-9);
  if (rounding === 'ceil') return Math.ceil(exact - 1e-9);
  return Math.round(exact);
}

export interface CapState {
  /** Cadres of the org graded for the year (不定等次 excluded), after the change. */
  graded: number;
  /** 优秀 after the change. */
  excellent: number;
  max: number;
}

/** The cap after a grade is set: refused past it, warned at it. */
export function excellentCapCheck(
  s: CapState,
): { ok: true; warning: string | null } | { ok: false; message: string } {
  if (s.excellent > s.max)
    return {
      ok: false,
      message: `优秀等次已达上限：本年度考核 ${s.graded} 人，优秀最多 ${s.max} 人（已有 ${s.excellent - 1} 人）`,
    };
  if (s.excellent === s.max)
    return { ok: true, warning: `优秀等次已用满：${s.graded} 人中优秀 ${s.max} 人，不能再评优秀` };
  return { ok: true, warning: null };
}

const order = (g: Grade) => RANKED_GRADES.indexOf(g as (typeof RANKED_GRADES)[number]);

/** A grade above the cap (e.g. 称职 when 末位 capped the year at 不称职) is refused; 不定等次 is not a grade. */
export function gradeAllowedUnderCap(grade: Grade, cap: Grade | null): boolean {
  if (!cap) return true;
  if (grade === '不定等次') return false;
  return order(grade) >= order(cap);
}

/** Two (rule review.consecutive_incompetent) consecutive 不称职 years ending at `year`. */
export function consecutiveIncompetent(
  grades: { year: number; grade: string }[],
  year: number,
  years: number,
): boolean {
  for (let y = year; y > year - years; y--)
    if (!grades.some((g) => g.year === y && g.grade === '不称职')) return false;
  return true;
}
