import type { AnnualGrade } from './cadre-records.js';
import { addDays } from './calendar.js';
import { rung } from './promotion-ladder.js';

/** A tenure as the eligibility rules read it (the post as held at the time). */
export interface TenureFact {
  title: string;
  level: string | null;
  isPrincipal: boolean;
  startDate: string;
  endDate: string | null;
  probationEnd: string | null;
}

const heldOn = (t: TenureFact, onDate: string) =>
  t.startDate <= onDate && (!t.endDate || t.endDate >= onDate);

/**
 * The post held on the date. Several at once (an overlap during a handover): the highest on the
 * ladder, then the one taken up last.
 */
export function currentTenure(tenures: TenureFact[], onDate: string): TenureFact | null {
  const held = tenures.filter((t) => heldOn(t, onDate));
  held.sort((a, b) => rung(b.level) - rung(a.level) || (a.startDate < b.startDate ? 1 : -1));
  return held[0] ?? null;
}

/**
 * Since when the cadre has held a post of the current one's level and kind (正职 / 副职) without a
 * break: the minimum time counts the time at that rank ("在副职岗位工作二年以上"), so a move between
 * two posts of the same rank keeps the earlier time. A gap of more than a day breaks the run.
 */
export function timeInRank(tenures: TenureFact[], current: TenureFact): string {
  const same = tenures.filter((t) => t.level === current.level && t.isPrincipal === current.isPrincipal);
  let since = current.startDate;
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of same) {
      if (t.startDate < since && (!t.endDate || t.endDate >= addDays(since, -1))) {
        since = t.startDate;
        changed = true;
      }
    }
  }
  return since;
}

/**
 * The annual grade that blocks promotion on the date: last year's (the date's year − 1). Until last
 * year's review is recorded, the one before stays the latest result and still counts ("blocked until
 * a new annual grade exists"); older grades do not.
 */
export function gradeBlock(
  grades: { year: number; grade: AnnualGrade }[],
  onDate: string,
  blocking: string[],
): { year: number; grade: AnnualGrade } | null {
  const lastYear = Number(onDate.slice(0, 4)) - 1;
  const ofYear = (y: number) => grades.filter((g) => g.year === y);
  const latest = ofYear(lastYear).length > 0 ? ofYear(lastYear) : ofYear(lastYear - 1);
  return latest.find((g) => blocking.includes(g.grade)) ?? null;
}
