import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../calendar.js';
import { formatRuleValue, ruleValueProblem } from '../rule-values.js';
import { authorityProblem, DEFAULT_AUTHORITY } from './authority.js';
import {
  earliestNoticeEnd,
  noticeOpenOn,
  noticePeriodProblem,
  noticeWorkingDays,
  probationFor,
} from './notice.js';
import { dispatchProblem, responsiblePeople } from './responsibility.js';
import {
  rankSelection,
  scoreProblem,
  shortlistNeeded,
  shortlistProblem,
  weightsProblem,
} from './selection.js';
import {
  attendanceProblem,
  passes,
  rankRecommendation,
  recommendationAttendanceProblem,
  voteSumProblem,
  votesNeeded,
  weightedScore,
} from './votes.js';
import { CASE_STEPS, type CaseAction, type CaseStep, nextStep, STEP_CODES } from './workflow.js';

describe('case transitions', () => {
  it('runs 动议 → 民主推荐 → 考察 → 讨论决定 → 任前公示 → 任职', () => {
    const path: [CaseStep, CaseAction, CaseStep][] = [
      ['proposed', 'recommend', 'recommended'],
      ['recommended', 'inspect', 'inspected'],
      ['inspected', 'decide', 'decided'],
      ['decided', 'publish_notice', 'noticed'],
      ['noticed', 'appoint', 'appointed'],
    ];
    for (const [from, action, to] of path) expect(nextStep(from, action)).toEqual({ to });
  });
  it('may be stopped at any open step, never after 任职 or twice', () => {
    for (const s of STEP_CODES.filter((x) => x !== 'appointed' && x !== 'stopped'))
      expect(nextStep(s, 'stop')).toEqual({ to: 'stopped' });
    expect(nextStep('appointed', 'stop')).toEqual({ problem: '该选拔任用事项当前为“任职”，不能撤销' });
    expect('problem' in nextStep('stopped', 'stop')).toBe(true);
  });
  it('refuses skipping a step, naming the current one', () => {
    expect(nextStep('proposed', 'decide')).toEqual({
      problem: `该选拔任用事项当前为“${CASE_STEPS.proposed}”，不能录入讨论决定`,
    });
    expect('problem' in nextStep('inspected', 'appoint')).toBe(true);
    expect('problem' in nextStep('decided', 'appoint')).toBe(true);
  });
});

describe('votes', () => {
  it('each row must add up to those present', () => {
    expect(voteSumProblem(7, [{ approve: 5, oppose: 1, abstain: 1 }])).toBeNull();
    expect(
      voteSumProblem(7, [
        { approve: 5, oppose: 1, abstain: 1 },
        { approve: 5, oppose: 1, abstain: 0 },
      ]),
    ).toEqual({
      field: 'votes.1',
      message: '第 2 行票数合计 6 与实到会人数 7 不符（同意、反对、弃权之和须等于到会人数）',
    });
    expect(voteSumProblem(3, [{ approve: -1, oppose: 2, abstain: 2 }])?.field).toBe('votes.0.approve');
  });
  it('passes with more than half of the members due, not of those present', () => {
    // 9 due, 7 present: 5 同意 pass, 4 do not even though 4 > 7/2
    expect(passes(5, 9, 0.5)).toBe(true);
    expect(passes(4, 9, 0.5)).toBe(false);
    // exactly half is not more than half
    expect(passes(4, 8, 0.5)).toBe(false);
    expect(passes(5, 8, 0.5)).toBe(true);
    expect(votesNeeded(9, 0.5)).toBe(5);
    expect(votesNeeded(8, 0.5)).toBe(5);
    // a rule of two thirds
    expect(passes(6, 9, 2 / 3)).toBe(false);
    expect(passes(7, 9, 2 / 3)).toBe(true);
  });
  it('checks the quorum against the members due', () => {
    expect(attendanceProblem(9, 6, 2 / 3)).toBeNull();
    expect(attendanceProblem(9, 5, 2 / 3)?.message).toContain('须至少 6 人到会');
    expect(attendanceProblem(9, 10, 2 / 3)?.field).toBe('membersPresent');
    expect(attendanceProblem(0, 0, 2 / 3)?.field).toBe('membersDue');
  });
  it('民主推荐: those present must reach the rule’s share of those due', () => {
    expect(recommendationAttendanceProblem(42, 28, 2 / 3)).toBeNull();
    expect(recommendationAttendanceProblem(42, 27, 2 / 3)).toEqual({
      field: 'present',
      message: '参加民主推荐人数不足：应参加 42 人，须至少 28 人参加（规则：民主推荐参加人数比例）',
    });
    expect(recommendationAttendanceProblem(10, 0, 0)).toBeNull();
  });
  it('orders recommendation results and weighs scores', () => {
    const r = rankRecommendation(
      [
        { id: 1, votes: 10 },
        { id: 2, votes: 30 },
        { id: 3, votes: 10 },
      ],
      40,
    );
    expect(r.map((x) => [x.id, x.rank, x.share])).toEqual([
      [2, 1, 0.75],
      [1, 2, 0.25],
      [3, 3, 0.25],
    ]);
    expect(weightedScore(80, 90, { exam: 0.4, interview: 0.6 })).toBe(86);
  });
});

describe('delegated authority', () => {
  it('lets the 干部工作小组 decide middle-level posts, refuses 副科 naming the rule', () => {
    expect(
      authorityProblem('cadre_group', ['middle_deputy', 'middle_principal'], DEFAULT_AUTHORITY),
    ).toBeNull();
    expect(authorityProblem('cadre_group', ['middle_deputy', 'fuke'], DEFAULT_AUTHORITY)).toBe(
      '按规则“选拔任用决定权限”，干部工作小组会无权决定副科职务，应由区委常委会决定',
    );
    expect(authorityProblem('district', ['fuke'], DEFAULT_AUTHORITY)).toBeNull();
    expect(authorityProblem('cadre_group', ['village'], DEFAULT_AUTHORITY)).toContain('应由镇党委会决定');
  });
  it('reads whatever table the rule holds', () => {
    expect(authorityProblem('cadre_group', ['village'], { village: ['cadre_group'] })).toBeNull();
    expect(authorityProblem('party_committee', ['unknown'], {})).toContain('（未配置）');
  });
});

describe('notice period on the working-day calendar', () => {
  // 2026 National Day: 10-01 … 10-07 off, Saturday 10-10 a 调休 working day
  const cal: WorkCalendar = {
    holidays: new Set([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]),
    workdays: new Set(['2026-09-20', '2026-10-10']),
  };
  it('counts first and last day, skipping the holiday and counting the 调休 Saturday', () => {
    // 09-30 (1), 10-08 (2), 10-09 (3), 10-10 Sat 调休 (4), 10-12 Mon (5)
    expect(earliestNoticeEnd('2026-09-30', 5, cal)).toBe('2026-10-12');
    expect(noticeWorkingDays('2026-09-30', '2026-10-12', cal)).toBe(5);
    expect(noticePeriodProblem('2026-09-30', '2026-10-12', 5, cal)).toBeNull();
    expect(noticePeriodProblem('2026-09-30', '2026-10-10', 5, cal)).toBe(
      '公示期仅 4 个工作日，不少于 5 个工作日（规则：任前公示期），最早可于 2026-10-12 结束',
    );
    expect(noticePeriodProblem('2026-09-30', '2026-09-29', 5, cal)).toBe('公示结束日期不能早于开始日期');
  });
  it('an ordinary week: Monday to Friday is five working days', () => {
    expect(noticePeriodProblem('2026-03-02', '2026-03-06', 5, cal)).toBeNull();
    expect(earliestNoticeEnd('2026-03-04', 5, cal)).toBe('2026-03-10');
  });
  it('is open from its first to its last day', () => {
    const n = { startsOn: '2026-03-02', endsOn: '2026-03-06' };
    expect([
      noticeOpenOn(n, '2026-03-01'),
      noticeOpenOn(n, '2026-03-02'),
      noticeOpenOn(n, '2026-03-06'),
      noticeOpenOn(n, '2026-03-07'),
    ]).toEqual([false, true, true, false]);
  });
});

describe('probation', () => {
  it('applies to promoted non-elected posts and ends the rule’s months later', () => {
    expect(probationFor({ startDate: '2026-03-10', promoted: true, elected: false }, 12)).toBe('2027-03-10');
    expect(probationFor({ startDate: '2024-02-29', promoted: true, elected: false }, 12)).toBe('2025-02-28');
    expect(probationFor({ startDate: '2026-03-10', promoted: false, elected: false }, 12)).toBeNull();
    expect(probationFor({ startDate: '2026-03-10', promoted: true, elected: true }, 12)).toBeNull();
  });
});

describe('responsibility and the dispatch document', () => {
  it('lists each responsible person once with all their roles', () => {
    expect(
      responsiblePeople([
        { cadreId: 1, name: '张三', role: 'recommender' },
        { cadreId: 2, name: '李四', role: 'inspector' },
        { cadreId: 1, name: '张三', role: 'decider' },
        { cadreId: null, name: '周立新', role: 'handler' },
        { cadreId: null, name: '周立新 ', role: 'handler' },
      ]),
    ).toEqual([
      { cadreId: 1, name: '张三', role: '推荐人、决定责任人' },
      { cadreId: 2, name: '李四', role: '考察组成员' },
      { cadreId: null, name: '周立新', role: '承办人' },
    ]);
  });
  it('the 任免文件 must match the decisions exactly', () => {
    const decisions = [
      { cadreId: 1, positionId: 10 },
      { cadreId: 2, positionId: 11 },
    ];
    const line = (cadreId: number, positionId: number) => ({ kind: 'appoint' as const, cadreId, positionId });
    expect(dispatchProblem([line(1, 10), line(2, 11)], decisions)).toBeNull();
    expect(dispatchProblem([line(1, 10), line(2, 12)], decisions)?.field).toBe('lines.1');
    expect(dispatchProblem([line(1, 10)], decisions)?.field).toBe('lines');
    expect(dispatchProblem([line(1, 10), line(1, 10), line(2, 11)], decisions)?.message).toContain('重复');
  });
});

describe('rule data of the module', () => {
  it('checks the score weights and the delegated-authority table', () => {
    expect(ruleValueProblem('weights', { exam: 0.4, interview: 0.6 })).toBeNull();
    expect(ruleValueProblem('weights', { exam: 0.5, interview: 0.6 })).toBe(
      '各项权重须在 0 到 1 之间且合计为 1',
    );
    expect(formatRuleValue('weights', { exam: 0.4, interview: 0.6 })).toBe('笔试 40%，面试 60%');
    expect(ruleValueProblem('authority', { fuke: ['district'] })).toBeNull();
    expect(ruleValueProblem('authority', { fuke: 'district' })).toContain('fuke');
  });
});

describe('公开选拔/竞争上岗: weights, ranking and 差额', () => {
  const w = { exam: 0.4, interview: 0.6 };
  it('weights must lie in 0..1 and add up to 1', () => {
    expect(weightsProblem(w)).toBeNull();
    expect(weightsProblem({ exam: 0.5, interview: 0.6 })).toBe('笔试、面试权重之和须为 1');
    expect(weightsProblem({ exam: -0.2, interview: 1.2 })).toBe('笔试、面试权重须在 0 至 1 之间');
  });
  it('scores are 0–100 with two decimals at most, boundaries included', () => {
    expect(scoreProblem(0, 'f', '笔试成绩')).toBeNull();
    expect(scoreProblem(100, 'f', '笔试成绩')).toBeNull();
    expect(scoreProblem(88.25, 'f', '笔试成绩')).toBeNull();
    expect(scoreProblem(100.01, 'f', '笔试成绩')).toEqual({
      field: 'f',
      message: '笔试成绩须在 0 至 100 分之间',
    });
    expect(scoreProblem(-0.01, 'f', '面试成绩')?.message).toBe('面试成绩须在 0 至 100 分之间');
    expect(scoreProblem(80.125, 'f', '面试成绩')?.message).toBe('面试成绩最多保留两位小数');
  });
  it('ranks per post by the weighted total; an equal total goes to the higher interview; a full tie shares the rank', () => {
    const rows = [
      { id: 1, positionId: 9, exam: 90, interview: 80 }, // 84
      { id: 2, positionId: 9, exam: 75, interview: 90 }, // 84, higher interview
      { id: 3, positionId: 9, exam: 60, interview: 70 }, // 66
      { id: 4, positionId: 9, exam: 60, interview: 70 }, // 66, full tie with 3
      { id: 5, positionId: 7, exam: 50, interview: 50 }, // the other post: rank 1
      { id: 6, positionId: 9, exam: 100, interview: 100 },
    ];
    const r = rankSelection(rows, w);
    const of = (id: number) => r.find((x) => x.id === id)!;
    expect([of(6).rank, of(2).rank, of(1).rank, of(3).rank, of(4).rank]).toEqual([1, 2, 3, 4, 4]);
    expect([of(1).total, of(2).total, of(3).total]).toEqual([84, 84, 66]);
    expect(of(5)).toMatchObject({ rank: 1, total: 50 });
  });
  it('差额: at least the rule’s ratio of candidates to posts, rounded up', () => {
    expect(shortlistNeeded(1, 1.5)).toBe(2);
    expect(shortlistNeeded(2, 1.5)).toBe(3);
    expect(shortlistNeeded(4, 1.5)).toBe(6);
    expect(shortlistProblem(2, 1, 1.5)).toBeNull();
    expect(shortlistProblem(1, 1, 1.5)).toBe(
      '差额比例不足：1 个职务须至少 2 名考察对象，现有 1 名（规则：公开选拔、竞争上岗差额比例 1.5:1）',
    );
  });
});
