/**
 * 公开选拔 / 竞争上岗: the registration list (报名), the qualification check (资格审查), exam and
 * interview scores with their weights (rule `appointment.score_weights`), the ranking by the weighted
 * total, and the 差额 ratio (rule `appointment.shortlist_ratio`) of those sent to 考察 to the posts.
 */
import { weightedScore } from './votes.js';

export const SELECTION_METHODS = ['open_selection', 'competitive'] as const;
export const isSelectionMethod = (m: string) => (SELECTION_METHODS as readonly string[]).includes(m);

export const QUALIFICATION_RESULTS = { passed: '通过', failed: '不通过' } as const;
export type QualificationResult = keyof typeof QUALIFICATION_RESULTS;

export interface ScoreWeights {
  exam: number;
  interview: number;
}

export interface Problem {
  field: string;
  message: string;
}

/** The weights of a rule version: each between 0 and 1, adding up to 1. */
export function weightsProblem(w: ScoreWeights): string | null {
  const ok = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1;
  if (!ok(w.exam) || !ok(w.interview)) return '笔试、面试权重须在 0 至 1 之间';
  if (Math.abs(w.exam + w.interview - 1) > 1e-9) return '笔试、面试权重之和须为 1';
  return null;
}

/** A score: 0–100, at most two decimals. */
export function scoreProblem(x: number, field: string, label: string): Problem | null {
  if (!Number.isFinite(x) || x < 0 || x > 100) return { field, message: `${label}须在 0 至 100 分之间` };
  if (Math.abs(Math.round(x * 100) - x * 100) > 1e-6) return { field, message: `${label}最多保留两位小数` };
  return null;
}

export interface Scored {
  id: number;
  positionId: number;
  exam: number;
  interview: number;
}

export interface Ranked extends Scored {
  total: number;
  rank: number;
}

/**
 * The ranking per post: by the weighted total, highest first; on an equal total the higher
 * interview score ranks first; on equal total and interview score both share the rank (listed in
 * the order registered, i.e. by id).
 */
export function rankSelection<T extends Scored>(rows: T[], weights: ScoreWeights): (T & Ranked)[] {
  const withTotal = rows.map((r) => ({ ...r, total: weightedScore(r.exam, r.interview, weights) }));
  const out: (T & Ranked)[] = [];
  const posts = [...new Set(withTotal.map((r) => r.positionId))];
  for (const p of posts) {
    const sorted = withTotal
      .filter((r) => r.positionId === p)
      .sort((a, b) => b.total - a.total || b.interview - a.interview || a.id - b.id);
    sorted.forEach((r, i) => {
      const prev = sorted[i - 1];
      const same = prev && prev.total === r.total && prev.interview === r.interview;
      out.push({ ...r, rank: same ? out[out.length - 1].rank : i + 1 });
    });
  }
  return out;
}

/** The fewest people sent to 考察 for `posts` posts at the 差额 ratio (1 post at 1.5:1 → 2). */
export const shortlistNeeded = (posts: number, ratio: number) => Math.ceil(posts * ratio - 1e-9);

/** 差额: candidates for inspection ÷ posts must be at least the rule's ratio. */
export function shortlistProblem(count: number, posts: number, ratio: number): string | null {
  const need = shortlistNeeded(posts, ratio);
  if (count >= need) return null;
  return `差额比例不足：${posts} 个职务须至少 ${need} 名考察对象，现有 ${count} 名（规则：公开选拔、竞争上岗差额比例 ${ratio}:1）`;
}
