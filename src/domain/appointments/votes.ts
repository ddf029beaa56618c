/**
 * Meeting arithmetic for 民主推荐 and 讨论决定: attendance against the members due (quorum), vote rows
 * that must add up to those present, and the decision rule — a candidate passes with more than the
 * rule's share (default one half) of the members **due** to attend, not of those present.
 */
export interface VoteRow {
  approve: number;
  oppose: number;
  abstain: number;
}

export interface Problem {
  field: string;
  message: string;
}

/** Attendance: 0 < present ≤ due and present ≥ the attendance rule's share of due (quorum). */
export function attendanceProblem(due: number, present: number, minShare: number): Problem | null {
  if (!Number.isInteger(due) || due < 1) return { field: 'membersDue', message: '应到会人数须为正整数' };
  if (!Number.isInteger(present) || present < 0)
    return { field: 'membersPresent', message: '实到会人数须为非负整数' };
  if (present > due) return { field: 'membersPresent', message: '实到会人数不能多于应到会人数' };
  const need = Math.ceil(due * minShare - 1e-9);
  if (present < need)
    return {
      field: 'membersPresent',
      message: `到会人数不足：应到 ${due} 人，须至少 ${need} 人到会方可开会（规则：讨论决定到会比例）`,
    };
  return null;
}

/** 民主推荐: those present must be at least the rule's share of those due to take part. */
export function recommendationAttendanceProblem(
  due: number,
  present: number,
  minShare: number,
): Problem | null {
  const need = Math.ceil(due * minShare - 1e-9);
  if (present >= need) return null;
  return {
    field: 'present',
    message: `参加民主推荐人数不足：应参加 ${due} 人，须至少 ${need} 人参加（规则：民主推荐参加人数比例）`,
  };
}

/** Each row's 同意 + 反对 + 弃权 must equal those present. Rows are named by their index. */
export function voteSumProblem(present: number, rows: VoteRow[], label = 'votes'): Problem | null {
  for (const [i, r] of rows.entries()) {
    for (const k of ['approve', 'oppose', 'abstain'] as const)
      if (!Number.isInteger(r[k]) || r[k] < 0)
        return { field: `${label}.${i}.${k}`, message: '票数须为非负整数' };
    const sum = r.approve + r.oppose + r.abstain;
    if (sum !== present)
      return {
        field: `${label}.${i}`,
        message: `第 ${i + 1} 行票数合计 ${sum} 与实到会人数 ${present} 不符（同意、反对、弃权之和须等于到会人数）`,
      };
  }
  return null;
}

/** More than `share` of the members due: with 9 due and share 0.5, 5 同意 pass and 4 do not. */
export function passes(approve: number, due: number, share: number): boolean {
  return approve > due * share;
}

/** The fewest 同意 votes that pass. */
export const votesNeeded = (due: number, share: number) => Math.floor(due * share) + 1;

/** 民主推荐: candidates ordered by votes (then by the order entered), with each one's share of the present. */
export function rankRecommendation<T extends { votes: number }>(rows: T[], present: number) {
  return rows
    .map((r, i) => ({ ...r, i, share: present > 0 ? r.votes / present : 0 }))
    .sort((a, b) => b.votes - a.votes || a.i - b.i)
    .map(({ i: _, ...r }, rank) => ({ ...r, rank: rank + 1 }));
}

/** 公开选拔/竞争上岗: the weighted total of exam and interview scores (weights as rule data, summing to 1). */
export function weightedScore(exam: number, interview: number, weights: { exam: number; interview: number }) {
  return Math.round((exam * weights.exam + interview * weights.interview) * 100) / 100;
}
