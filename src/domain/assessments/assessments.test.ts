import { describe, expect, it } from 'vitest';
import { type BallotAnswers, ballotProblem, belowThreshold, resultsVisible, tally } from './evaluation.js';
import { consecutiveIncompetent, excellentCapCheck, excellentMax, gradeAllowedUnderCap } from './grades.js';
import { composeScore, type IndicatorNode, type ScoreItem, weightProblem } from './indicators.js';
import { lastPlaceOutcome, rankUnits } from './ranking.js';

const node = (key: string, parentKey: string | null, weight: number): IndicatorNode => ({
  key,
  parentKey,
  name: key,
  weight,
});

describe('indicator weights', () => {
  it('accepts weights summing to 100 at every level', () => {
    expect(
      weightProblem([node('a', null, 60), node('b', null, 40), node('a1', 'a', 50.5), node('a2', 'a', 49.5)]),
    ).toBeNull();
  });
  it('names the level whose weights do not sum to 100', () => {
    expect(weightProblem([node('a', null, 60), node('b', null, 30)])?.message).toBe(
      '一级指标权重合计须为 100，现为 90',
    );
    const p = weightProblem([node('a', null, 100), node('a1', 'a', 70), node('a2', 'a', 20)]);
    expect(p).toEqual({ field: 'indicators.1.weight', message: '“a”的下级指标权重合计须为 100，现为 90' });
  });
  it('refuses duplicate keys, unknown parents and weights out of range', () => {
    expect(weightProblem([node('a', null, 100), node('a', null, 0)])?.field).toBe('indicators.1.key');
    expect(weightProblem([node('a', null, 100), node('x1', 'x', 100)])?.field).toBe('indicators.1.parentKey');
    expect(weightProblem([node('a', null, 120)])?.field).toBe('indicators.0.weight');
  });
});

describe('score composition', () => {
  const items: ScoreItem[] = [
    { key: 's1', name: '党建工作', kind: 'score', maxPoints: 60 },
    { key: 's2', name: '经济发展', kind: 'score', maxPoints: 40 },
    { key: 'b', name: '创新加分', kind: 'bonus', maxPoints: 5 },
    { key: 'd', name: '信访超期扣分', kind: 'deduction', maxPoints: 10 },
    { key: 'v', name: '安全生产一票否决', kind: 'veto', maxPoints: 1 },
  ];
  const caps = { bonusCap: 3, deductionCap: 8 };
  it('sums the items and caps bonus and deduction', () => {
    const r = composeScore(
      items,
      [
        { itemKey: 's1', points: 55 },
        { itemKey: 's2', points: 30 },
        { itemKey: 'b', points: 5 },
        { itemKey: 'd', points: 10 },
      ],
      caps,
    );
    expect(r).toEqual({
      result: { base: 85, bonus: 3, deduction: 8, total: 80, vetoed: null, passed: true },
    });
  });
  it('fails a vetoed result whatever the score', () => {
    const r = composeScore(
      items,
      [
        { itemKey: 's1', points: 60 },
        { itemKey: 's2', points: 40 },
        { itemKey: 'v', points: 1 },
      ],
      caps,
    );
    expect('result' in r && r.result).toMatchObject({
      total: 100,
      vetoed: '安全生产一票否决',
      passed: false,
    });
  });
  it('refuses a score above the item cap, naming the line', () => {
    const r = composeScore(items, [{ itemKey: 's2', points: 41 }], caps);
    expect(r).toEqual({
      problem: { field: 'lines.0.points', message: '“经济发展”最多 40 分，所填 41 分超出上限' },
    });
    expect(composeScore(items, [{ itemKey: 'zz', points: 1 }], caps)).toMatchObject({
      problem: { field: 'lines.0.itemKey' },
    });
  });
});

describe('优秀 cap', () => {
  it('rounds as the rule says', () => {
    expect(excellentMax(12, 20, 'floor')).toBe(2);
    expect(excellentMax(12, 20, 'round')).toBe(2);
    expect(excellentMax(13, 20, 'round')).toBe(3);
    expect(excellentMax(12, 20, 'ceil')).toBe(3);
    expect(excellentMax(10, 20, 'floor')).toBe(2);
    expect(excellentMax(10, 20, 'ceil')).toBe(2);
    expect(excellentMax(4, 20, 'floor')).toBe(0);
  });
  it('warns at the cap and refuses past it', () => {
    expect(excellentCapCheck({ graded: 10, excellent: 1, max: 2 })).toEqual({ ok: true, warning: null });
    expect(excellentCapCheck({ graded: 10, excellent: 2, max: 2 })).toMatchObject({ ok: true });
    expect(excellentCapCheck({ graded: 10, excellent: 2, max: 2 })).not.toMatchObject({ warning: null });
    expect(excellentCapCheck({ graded: 10, excellent: 3, max: 2 })).toMatchObject({ ok: false });
  });
  it('keeps a capped cadre at the cap', () => {
    expect(gradeAllowedUnderCap('称职', '不称职')).toBe(false);
    expect(gradeAllowedUnderCap('不定等次', '不称职')).toBe(false);
    expect(gradeAllowedUnderCap('不称职', '不称职')).toBe(true);
    expect(gradeAllowedUnderCap('优秀', null)).toBe(true);
  });
  it('finds two consecutive 不称职 years', () => {
    const g = [
      { year: 2024, grade: '不称职' },
      { year: 2025, grade: '不称职' },
    ];
    expect(consecutiveIncompetent(g, 2025, 2)).toBe(true);
    expect(consecutiveIncompetent(g.slice(1), 2025, 2)).toBe(false);
    expect(consecutiveIncompetent([{ year: 2023, grade: '不称职' }, g[1]], 2025, 2)).toBe(false);
  });
});

describe('ranking and 末位', () => {
  const u = (orgId: number, score: number, deduction = 0, previousRank: number | null = null) => ({
    orgId,
    score,
    deduction,
    previousRank,
  });
  it('ranks by score, then fewer deductions, then the previous rank; still equal share the rank', () => {
    const r = rankUnits([u(1, 90), u(2, 95), u(3, 90, 2), u(4, 90, 0, 1), u(5, 80), u(6, 80)]);
    expect(r.map((x) => [x.orgId, x.rank])).toEqual([
      [2, 1],
      [4, 2],
      [1, 3],
      [3, 4],
      [5, 5],
      [6, 5],
    ]);
    expect(r.filter((x) => x.last).map((x) => x.orgId)).toEqual([5, 6]);
    expect(r.find((x) => x.orgId === 4)!.change).toBe(-1);
  });
  it('needs two units, and a round where all tie has no 末位', () => {
    expect(() => rankUnits([u(1, 90)])).toThrow();
    expect(rankUnits([u(1, 90), u(2, 90)]).some((x) => x.last)).toBe(false);
  });
  it('counts consecutive last places of the same kind', () => {
    expect(lastPlaceOutcome(7, [], 2)).toEqual({ consecutive: 1, outcome: 'penalty' });
    expect(lastPlaceOutcome(7, [[7]], 2)).toEqual({ consecutive: 2, outcome: 'warning' });
    expect(lastPlaceOutcome(7, [[8], [7]], 2)).toEqual({ consecutive: 1, outcome: 'penalty' });
    expect(lastPlaceOutcome(7, [[7, 8], [7]], 3)).toEqual({ consecutive: 3, outcome: 'warning' });
  });
});

describe('democratic evaluation', () => {
  const row = (overall: '好' | '较好' | '一般' | '差') => ({
    de: '好' as const,
    neng: '较好' as const,
    qin: '好' as const,
    ji: '一般' as const,
    lian: '好' as const,
    overall,
  });
  it('checks every subject and dimension', () => {
    expect(ballotProblem({ '1': row('好') }, [1])).toBeNull();
    expect(ballotProblem({ '1': row('好') }, [1, 2])).toBe('请对每一位测评对象作出评价');
    expect(ballotProblem({ '1': { ...row('好'), de: '优' } }, [1])).toBe('“德”请选择好、较好、一般或差');
    expect(ballotProblem({ '1': { ...row('好'), extra: '好' } }, [1])).toBe('请对每一项作出评价');
  });
  it('tallies counts, rates and the share of 差', () => {
    const ballots: BallotAnswers[] = [row('好'), row('较好'), row('差'), row('差'), row('一般')].map((r) => ({
      '1': r,
    }));
    const [t] = tally(ballots, [1]);
    expect(t.ballots).toBe(5);
    expect(t.counts.overall).toEqual({ 好: 1, 较好: 1, 一般: 1, 差: 2 });
    expect(t.goodRate).toBe(40);
    expect(t.poorShare).toBe(40);
    expect(belowThreshold(t, 30)).toBe(true);
    expect(belowThreshold(t, 50)).toBe(false);
  });
  it('shows results only from the anonymity threshold on', () => {
    expect(resultsVisible(4, 5)).toBe(false);
    expect(resultsVisible(5, 5)).toBe(true);
    expect(resultsVisible(0, 0)).toBe(false);
  });
});
