/**
 * The policy library (制度汇编): pure rules for a policy's versions, its readers and its quiz.
 * Shared by the server's use cases and the admin UI.
 */

export const POLICY_STATUSES = {
  in_force: '现行有效',
  revised: '已修订',
  repealed: '已废止',
} as const;
export type PolicyStatus = keyof typeof POLICY_STATUSES;

export interface VersionState {
  versionNo: number;
  status: PolicyStatus;
  adoptedOn: string;
}

/** Why a new version cannot be added (Chinese, with the field it concerns), or null. */
export function newVersionProblem(
  versions: readonly VersionState[],
  adoptedOn: string,
): { field: string; message: string } | null {
  const latest = latestVersion(versions);
  if (!latest) return null;
  if (latest.status === 'repealed')
    return { field: 'adoptedOn', message: '该制度已废止，不能再修订；如需恢复请另立新制度' };
  if (adoptedOn < latest.adoptedOn)
    return {
      field: 'adoptedOn',
      message: `修订通过日期不能早于上一版本的通过日期（${latest.adoptedOn}）`,
    };
  return null;
}

/**
 * A new version: it is in force, and the one in force before it becomes 已修订. Returns the new
 * version's number and the status changes of the earlier versions (only the latest one changes).
 */
export function reviseVersions(versions: readonly VersionState[]): {
  versionNo: number;
  changes: { versionNo: number; status: PolicyStatus }[];
} {
  const latest = latestVersion(versions);
  return {
    versionNo: (latest?.versionNo ?? 0) + 1,
    changes:
      latest && latest.status === 'in_force' ? [{ versionNo: latest.versionNo, status: 'revised' }] : [],
  };
}

/** Why the policy cannot be repealed on that day, or null. */
export function repealProblem(
  versions: readonly VersionState[],
  repealedOn: string,
): { field: string; message: string } | null {
  const latest = latestVersion(versions);
  if (!latest) return { field: 'repealedOn', message: '该制度没有版本' };
  if (latest.status === 'repealed') return { field: 'repealedOn', message: '该制度已废止' };
  if (repealedOn < latest.adoptedOn)
    return { field: 'repealedOn', message: `废止日期不能早于现行版本的通过日期（${latest.adoptedOn}）` };
  return null;
}

export function latestVersion<T extends { versionNo: number }>(versions: readonly T[]): T | undefined {
  return versions.reduce<T | undefined>((a, v) => (!a || v.versionNo > a.versionNo ? v : a), undefined);
}

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/** Lines above this many on both sides are compared without the LCS table (added/removed blocks). */
const MAX_CELLS = 4_000_000;

/**
 * A line diff of two texts by the longest common subsequence: the lines of `before` not kept are
 * removed, those of `after` not in it are added, in reading order (removed before added).
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  // common head and tail first: revisions usually touch a few lines
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const out: DiffLine[] = a.slice(0, head).map((text) => ({ kind: 'same', text }));
  if (x.length * y.length > MAX_CELLS) {
    out.push(...x.map((text): DiffLine => ({ kind: 'removed', text })));
    out.push(...y.map((text): DiffLine => ({ kind: 'added', text })));
  } else out.push(...lcsDiff(x, y));
  out.push(...a.slice(a.length - tail).map((text): DiffLine => ({ kind: 'same', text })));
  return out;
}

function splitLines(s: string): string[] {
  if (s === '') return [];
  return s.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
}

function lcsDiff(x: string[], y: string[]): DiffLine[] {
  const n = x.length;
  const m = y.length;
  // len[i][j]: LCS length of x[i..] and y[j..]
  const len = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      len[i][j] = x[i] === y[j] ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      out.push({ kind: 'same', text: x[i] });
      i++;
      j++;
    } else if (len[i + 1][j] >= len[i][j + 1]) out.push({ kind: 'removed', text: x[i++] });
    else out.push({ kind: 'added', text: y[j++] });
  }
  while (i < n) out.push({ kind: 'removed', text: x[i++] });
  while (j < m) out.push({ kind: 'added', text: y[j++] });
  return out;
}

export interface QuizQuestion {
  question: string;
  options: string[];
  /** The index of the right option. */
  answer: number;
}

/** The score (0–100, rounded) of the answers given, and whether it reaches the pass mark. */
export function scoreQuiz(
  questions: readonly QuizQuestion[],
  answers: readonly (number | null)[],
  passMark: number,
): { score: number; passed: boolean; correct: number } {
  if (questions.length === 0) return { score: 100, passed: true, correct: 0 };
  const correct = questions.filter((q, i) => answers[i] === q.answer).length;
  const score = Math.round((correct / questions.length) * 100);
  return { score, passed: score >= passMark, correct };
}

/** Why a quiz as written cannot be saved (Chinese, with its field), or null. */
export function quizProblem(
  quiz: { passMark: number; questions: QuizQuestion[] } | null | undefined,
): { field: string; message: string } | null {
  if (!quiz) return null;
  for (const [i, q] of quiz.questions.entries()) {
    if (q.options.length < 2)
      return { field: `quiz.questions.${i}.options`, message: `第 ${i + 1} 题至少要有两个选项` };
    if (q.answer < 0 || q.answer >= q.options.length)
      return { field: `quiz.questions.${i}.answer`, message: `第 ${i + 1} 题的正确答案不在选项之中` };
  }
  return null;
}

export interface Reader {
  userId: number;
  orgPath: string;
  roles: readonly string[];
  /** Whether the account may read policies at all (holds policy.read) and is active. */
  canRead: boolean;
}

/**
 * Who is due to read an assignment: every active user who may read policies, in the assigned org's
 * subtree, and — when the assignment names roles — holding one of them.
 */
export function dueReaders<T extends Reader>(
  assignment: { orgPath: string; roles: readonly string[] },
  users: readonly T[],
): T[] {
  return users.filter(
    (u) =>
      u.canRead &&
      u.orgPath.startsWith(assignment.orgPath) &&
      (assignment.roles.length === 0 || u.roles.some((r) => assignment.roles.includes(r))),
  );
}
