/**
 * 单位考评排名 (目标考评 / 现场观摩 / 行风评比) and 末位惩处. Units are ranked within their peer group
 * (villages apart from township departments) with explicit tie-breaks: the higher score first; then
 * fewer deduction points; then the better rank in the previous round of the same kind; units still
 * equal share the rank (1, 2, 2, 4), and every unit on the lowest rank is 末位.
 */
export const UNIT_EVALUATION_KINDS = {
  target: '目标考评',
  site_visit: '现场观摩',
  conduct: '行风评比',
} as const;
export type UnitEvaluationKind = keyof typeof UNIT_EVALUATION_KINDS;

export const PEER_GROUPS = { village: '村（社区）', department: '镇直部门' } as const;
export type PeerGroup = keyof typeof PEER_GROUPS;

export const TIE_BREAKS = ['得分高者在前', '扣分少者在前', '上一轮排名靠前者在前', '仍相同者并列'] as const;

export interface UnitScore {
  orgId: number;
  score: number;
  deduction: number;
  /** Rank in the previous round of the same kind and group, if it took part. */
  previousRank: number | null;
}
export interface RankedUnit extends UnitScore {
  rank: number;
  /** Positive: moved up since the previous round. */
  change: number | null;
  last: boolean;
}

function compare(a: UnitScore, b: UnitScore): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.deduction !== b.deduction) return a.deduction - b.deduction;
  const pa = a.previousRank ?? Number.POSITIVE_INFINITY;
  const pb = b.previousRank ?? Number.POSITIVE_INFINITY;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return 0;
}

/** Ranks a round; a round needs at least two units (one unit cannot be ranked). */
export function rankUnits(units: UnitScore[]): RankedUnit[] {
  if (units.length < 2) throw new Error('a ranking needs at least two units');
  const sorted = [...units].sort((a, b) => compare(a, b) || a.orgId - b.orgId);
  const out: RankedUnit[] = [];
  for (const [i, u] of sorted.entries()) {
    const rank = i > 0 && compare(sorted[i - 1], u) === 0 ? out[i - 1].rank : i + 1;
    out.push({ ...u, rank, change: u.previousRank === null ? null : u.previousRank - rank, last: false });
  }
  const lowest = out[out.length - 1].rank;
  // all units sharing the first rank are not 末位 even when every unit ties
  if (lowest !== 1) for (const u of out) u.last = u.rank === lowest;
  return out;
}

/**
 * 末位 across rounds: given the last-place org ids of the previous rounds of the same kind and group
 * (newest first), how many consecutive rounds ending with this one the unit was last; at
 * `warningRounds` (rule ranking.last_place_warning_rounds) it is a 警告 and the grade cap.
 */
export function lastPlaceOutcome(
  orgId: number,
  previousLast: number[][],
  warningRounds: number,
): { consecutive: number; outcome: 'penalty' | 'warning' } {
  let consecutive = 1;
  for (const round of previousLast) {
    if (!round.includes(orgId)) break;
    consecutive++;
  }
  return { consecutive, outcome: consecutive >= warningRounds ? 'warning' : 'penalty' };
}
