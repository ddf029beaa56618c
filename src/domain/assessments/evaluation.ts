/**
 * 民主测评: a ballot rates each subject cadre on 德、能、勤、绩、廉 and overall with 好 / 较好 / 一般 /
 * 差. Results are shown only when at least N ballots were cast (rule evaluation.min_ballots); a
 * share of 差 overall at or above the threshold (rule evaluation.poor_threshold, percent) proposes an
 * admonition talk.
 */
export const DIMENSIONS = {
  de: '德',
  neng: '能',
  qin: '勤',
  ji: '绩',
  lian: '廉',
  overall: '总体评价',
} as const;
export type Dimension = keyof typeof DIMENSIONS;
export const DIMENSION_KEYS = Object.keys(DIMENSIONS) as Dimension[];
export const RATINGS = ['好', '较好', '一般', '差'] as const;
export type Rating = (typeof RATINGS)[number];

/** One ballot: for each subject cadre id, a rating per dimension. */
export type BallotAnswers = Record<string, Record<Dimension, Rating>>;

/** The problem with a ballot's answers (every subject, every dimension, a known rating), or null. */
export function ballotProblem(answers: unknown, subjectIds: number[]): string | null {
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return '请完成测评表';
  const a = answers as Record<string, unknown>;
  const keys = Object.keys(a);
  if (keys.length !== subjectIds.length || subjectIds.some((id) => !(String(id) in a)))
    return '请对每一位测评对象作出评价';
  for (const id of subjectIds) {
    const row = a[String(id)] as Record<string, unknown> | null;
    if (!row || typeof row !== 'object') return '请对每一位测评对象作出评价';
    if (Object.keys(row).length !== DIMENSION_KEYS.length) return '请对每一项作出评价';
    for (const d of DIMENSION_KEYS)
      if (!RATINGS.includes(row[d] as Rating)) return `“${DIMENSIONS[d]}”请选择好、较好、一般或差`;
  }
  return null;
}

export interface SubjectTally {
  subjectId: number;
  ballots: number;
  counts: Record<Dimension, Record<Rating, number>>;
  /** Percent 好+较好 overall, and percent 差 overall (two decimals). */
  goodRate: number;
  poorShare: number;
}

const pct = (n: number, of: number) => (of ? Math.round((n * 10000) / of) / 100 : 0);

export function tally(ballots: BallotAnswers[], subjectIds: number[]): SubjectTally[] {
  return subjectIds.map((id) => {
    const counts = Object.fromEntries(
      DIMENSION_KEYS.map((d) => [d, Object.fromEntries(RATINGS.map((r) => [r, 0]))]),
    ) as SubjectTally['counts'];
    let n = 0;
    for (const b of ballots) {
      const row = b[String(id)];
      if (!row) continue;
      n++;
      for (const d of DIMENSION_KEYS) counts[d][row[d]]++;
    }
    const o = counts.overall;
    return {
      subjectId: id,
      ballots: n,
      counts,
      goodRate: pct(o.好 + o.较好, n),
      poorShare: pct(o.差, n),
    };
  });
}

/** Results are shown only from `minBallots` ballots on. */
export const resultsVisible = (cast: number, minBallots: number) => cast >= minBallots && cast > 0;

/** A subject whose 差 share reaches the threshold (percent) is proposed for an admonition talk. */
export const belowThreshold = (t: SubjectTally, thresholdPercent: number) =>
  t.ballots > 0 && t.poorShare >= thresholdPercent;
