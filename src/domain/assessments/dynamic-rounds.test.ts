import { describe, expect, it } from 'vitest';
import {
  deadlineProblem,
  finalPoints,
  nextStage,
  roundPeriod,
  selfGaps,
  unscored,
} from './dynamic-rounds.js';

describe('dynamic-assessment rounds', () => {
  it('reads a period by its cadence: its label and last day, or a problem naming the format', () => {
    expect(roundPeriod('monthly', '2024-02')).toEqual({
      label: '2024年2月',
      start: '2024-02-01',
      end: '2024-02-29',
    });
    expect(roundPeriod('quarterly', '2026Q3')).toEqual({
      label: '2026年第三季度',
      start: '2026-07-01',
      end: '2026-09-30',
    });
    expect(roundPeriod('half_year', '2026H2')).toMatchObject({ label: '2026年下半年', end: '2026-12-31' });
    expect(roundPeriod('quarterly', '2026-03')).toEqual({
      problem: { field: 'period', message: '季度考核期的格式应如 2026Q1' },
    });
    expect(roundPeriod('monthly', '2026-13')).toHaveProperty('problem');
  });

  it('wants each stage due no earlier than the period end and the stage before', () => {
    expect(
      deadlineProblem('2026-03-31', { self: '2026-04-05', scoring: '2026-04-10', review: '2026-04-15' }),
    ).toBe(null);
    expect(
      deadlineProblem('2026-03-31', { self: '2026-03-30', scoring: '2026-04-10', review: '2026-04-15' }),
    ).toEqual({
      field: 'deadlines.self',
      message: '单位自评截止日期不能早于考核期末 2026-03-31',
    });
    expect(
      deadlineProblem('2026-03-31', { self: '2026-04-05', scoring: '2026-04-10', review: '2026-04-09' })
        ?.field,
    ).toBe('deadlines.review');
  });

  it('moves through 自评 → 评分 → 复核 → 已发布 only in order; a published round only reopens to 复核', () => {
    expect(nextStage('self', 'advance')).toEqual({ stage: 'scoring' });
    expect(nextStage('scoring', 'advance')).toEqual({ stage: 'review' });
    expect(nextStage('review', 'advance')).toEqual({ stage: 'published' });
    expect(nextStage('published', 'advance')).toHaveProperty(
      'problem.message',
      '考核已发布，只读；如需修改请先重新打开',
    );
    expect(nextStage('published', 'reopen')).toEqual({ stage: 'review' });
    expect(nextStage('scoring', 'reopen')).toHaveProperty('problem');
  });

  it('counts the review’s points over the offices’, never the self-assessment, and shows the self gap', () => {
    const lines = [
      { subjectOrgId: 1, itemKey: 'A', stage: 'self' as const, points: 60 },
      { subjectOrgId: 1, itemKey: 'B', stage: 'self' as const, points: 40 },
      { subjectOrgId: 1, itemKey: 'A', stage: 'scoring' as const, points: 50 },
      { subjectOrgId: 1, itemKey: 'B', stage: 'scoring' as const, points: 38 },
      { subjectOrgId: 1, itemKey: 'B', stage: 'review' as const, points: 35 },
      { subjectOrgId: 2, itemKey: 'A', stage: 'self' as const, points: 55 },
    ];
    expect([...(finalPoints(lines).get(1) ?? [])]).toEqual([
      ['A', 50],
      ['B', 35],
    ]);
    expect(finalPoints(lines).get(2)).toBeUndefined();
    expect(selfGaps(lines, 1)).toEqual([
      { itemKey: 'A', self: 60, final: 50, gap: -10 },
      { itemKey: 'B', self: 40, final: 35, gap: -5 },
    ]);
    expect(selfGaps(lines, 2)).toEqual([{ itemKey: 'A', self: 55, final: null, gap: null }]);
  });
});

describe('unscored', () => {
  it('names, per unit, the scored items a stage has not given points to', () => {
    const lines = [
      { subjectOrgId: 1, itemKey: 'A', stage: 'scoring' as const, points: 50 },
      { subjectOrgId: 1, itemKey: 'B', stage: 'scoring' as const, points: 30 },
      { subjectOrgId: 2, itemKey: 'A', stage: 'self' as const, points: 50 },
    ];
    expect([...unscored([1, 2], ['A', 'B'], lines, 'scoring')]).toEqual([[2, ['A', 'B']]]);
    expect([...unscored([1, 2], ['A', 'B'], lines, 'self')]).toEqual([
      [1, ['A', 'B']],
      [2, ['B']],
    ]);
  });
});
