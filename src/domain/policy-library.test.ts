import { describe, expect, it } from 'vitest';
import {
  dueReaders,
  lineDiff,
  newVersionProblem,
  quizProblem,
  repealProblem,
  reviseVersions,
  scoreQuiz,
} from './policy-library.js';

describe('policy versions', () => {
  const v1 = { versionNo: 1, status: 'in_force' as const, adoptedOn: '2024-03-01' };
  it('a new version marks the one in force 已修订 and takes the next number', () => {
    expect(reviseVersions([v1])).toEqual({ versionNo: 2, changes: [{ versionNo: 1, status: 'revised' }] });
    expect(reviseVersions([])).toEqual({ versionNo: 1, changes: [] });
    const v2 = { versionNo: 2, status: 'in_force' as const, adoptedOn: '2025-01-01' };
    expect(reviseVersions([{ ...v1, status: 'revised' }, v2]).changes).toEqual([
      { versionNo: 2, status: 'revised' },
    ]);
  });
  it('a repealed policy takes no new version; a revision is not dated before the last one', () => {
    expect(newVersionProblem([{ ...v1, status: 'repealed' }], '2025-01-01')?.message).toContain('已废止');
    expect(newVersionProblem([v1], '2024-02-01')?.field).toBe('adoptedOn');
    expect(newVersionProblem([v1], '2024-03-01')).toBeNull();
    expect(newVersionProblem([], '1999-01-01')).toBeNull();
  });
  it('repeal: once, not before the version in force was adopted', () => {
    expect(repealProblem([v1], '2025-01-01')).toBeNull();
    expect(repealProblem([v1], '2024-01-01')?.field).toBe('repealedOn');
    expect(repealProblem([{ ...v1, status: 'repealed' }], '2025-01-01')?.message).toBe('该制度已废止');
  });
});

describe('line diff', () => {
  it('keeps common lines, marks removed and added lines in reading order', () => {
    expect(lineDiff('一\n二\n三', '一\n贰\n三\n四')).toEqual([
      { kind: 'same', text: '一' },
      { kind: 'removed', text: '二' },
      { kind: 'added', text: '贰' },
      { kind: 'same', text: '三' },
      { kind: 'added', text: '四' },
    ]);
  });
  it('handles empty texts and Windows line ends', () => {
    expect(lineDiff('', 'a')).toEqual([{ kind: 'added', text: 'a' }]);
    expect(lineDiff('a\r\nb\r\n', 'a\nb')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'same', text: 'b' },
    ]);
    expect(lineDiff('a', '')).toEqual([{ kind: 'removed', text: 'a' }]);
  });
  it('finds the longest common subsequence in the middle', () => {
    const d = lineDiff('a\nx\nb\ny\nc', 'a\nb\nz\nc');
    expect(d.filter((l) => l.kind === 'same').map((l) => l.text)).toEqual(['a', 'b', 'c']);
    expect(d.filter((l) => l.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'x' },
      { kind: 'removed', text: 'y' },
      { kind: 'added', text: 'z' },
    ]);
  });
});

describe('quiz', () => {
  const qs = [
    { question: '诫勉跟踪管理期', options: ['三个月', '六个月'], answer: 1 },
    { question: '连续几次末位给予警告', options: ['一次', '两次', '三次'], answer: 1 },
  ];
  it('scores the share of right answers against the pass mark', () => {
    expect(scoreQuiz(qs, [1, 1], 60)).toEqual({ score: 100, passed: true, correct: 2 });
    expect(scoreQuiz(qs, [1, 0], 60)).toEqual({ score: 50, passed: false, correct: 1 });
    expect(scoreQuiz(qs, [1, 0], 50).passed).toBe(true);
    expect(scoreQuiz(qs, [], 60).score).toBe(0);
    expect(scoreQuiz([], [], 60).passed).toBe(true);
  });
  it('refuses a question with one option or an answer outside the options', () => {
    expect(
      quizProblem({ passMark: 60, questions: [{ question: 'q', options: ['a'], answer: 0 }] })?.field,
    ).toBe('quiz.questions.0.options');
    expect(quizProblem({ passMark: 60, questions: [{ ...qs[0], answer: 2 }] })?.field).toBe(
      'quiz.questions.0.answer',
    );
    expect(quizProblem({ passMark: 60, questions: qs })).toBeNull();
    expect(quizProblem(null)).toBeNull();
  });
});

describe('who is due to read', () => {
  const users = [
    { userId: 1, orgPath: '/1/2/', roles: ['cadre'], canRead: true },
    { userId: 2, orgPath: '/1/2/7/', roles: ['unit_head'], canRead: true },
    { userId: 3, orgPath: '/1/3/', roles: ['cadre'], canRead: true },
    { userId: 4, orgPath: '/1/2/', roles: ['sys_admin'], canRead: false },
  ];
  it('everyone who may read in the subtree; only the roles named when there are any', () => {
    expect(dueReaders({ orgPath: '/1/2/', roles: [] }, users).map((u) => u.userId)).toEqual([1, 2]);
    expect(dueReaders({ orgPath: '/1/2/', roles: ['unit_head'] }, users).map((u) => u.userId)).toEqual([2]);
    expect(dueReaders({ orgPath: '/1/', roles: [] }, users).map((u) => u.userId)).toEqual([1, 2, 3]);
  });
});
