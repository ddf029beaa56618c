/**
 * 指标体系 and the composition of a score (动态考核). An indicator tree has 一/二/三级指标; the
 * weights of the siblings at each level sum to 100. A score is the sum of the scored items (each at
 * most its points), plus bonus points and minus deduction points each capped, and a 一票否决 item
 * fails the result whatever the score.
 */
export interface IndicatorNode {
  key: string;
  parentKey: string | null;
  name: string;
  /** Weight among its siblings (they sum to 100). */
  weight: number;
}

export interface Problem {
  field: string;
  message: string;
}

/** Weights of each group of siblings must sum to 100 (to 0.01). Returns the first problem, or null. */
export function weightProblem(nodes: IndicatorNode[]): Problem | null {
  const keys = new Set<string>();
  for (const [i, n] of nodes.entries()) {
    if (keys.has(n.key)) return { field: `indicators.${i}.key`, message: `指标编号“${n.key}”重复` };
    keys.add(n.key);
    if (!(n.weight >= 0 && n.weight <= 100))
      return { field: `indicators.${i}.weight`, message: `指标“${n.name}”的权重须在 0 到 100 之间` };
  }
  const groups = new Map<string | null, { sum: number; first: number }>();
  for (const [i, n] of nodes.entries()) {
    if (n.parentKey !== null && !keys.has(n.parentKey))
      return { field: `indicators.${i}.parentKey`, message: `指标“${n.name}”的上级指标不存在` };
    const g = groups.get(n.parentKey) ?? { sum: 0, first: i };
    g.sum += n.weight;
    groups.set(n.parentKey, g);
  }
  for (const [parent, g] of groups) {
    if (Math.abs(g.sum - 100) > 0.005) {
      const where = parent === null ? '一级指标' : `“${nodes.find((n) => n.key === parent)!.name}”的下级指标`;
      return {
        field: `indicators.${g.first}.weight`,
        message: `${where}权重合计须为 100，现为 ${Math.round(g.sum * 100) / 100}`,
      };
    }
  }
  return null;
}

/** One assessment item: a scored item (up to its points), a bonus or deduction item, or a veto. */
export interface ScoreItem {
  key: string;
  name: string;
  kind: 'score' | 'bonus' | 'deduction' | 'veto';
  /** The most it may give (score/bonus/deduction). */
  maxPoints: number;
}
export interface ScoreLine {
  itemKey: string;
  /** Points given (for a veto item: 1 when it applies). */
  points: number;
}
export interface ScoreCaps {
  bonusCap: number;
  deductionCap: number;
}
export interface ScoreResult {
  base: number;
  bonus: number;
  deduction: number;
  total: number;
  vetoed: string | null;
  passed: boolean;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Composes a score; a line above its item's points or on an unknown item is a problem naming it. */
export function composeScore(
  items: ScoreItem[],
  lines: ScoreLine[],
  caps: ScoreCaps,
): { result: ScoreResult } | { problem: Problem } {
  const byKey = new Map(items.map((i) => [i.key, i]));
  let base = 0;
  let bonus = 0;
  let deduction = 0;
  let vetoed: string | null = null;
  for (const [n, line] of lines.entries()) {
    const item = byKey.get(line.itemKey);
    if (!item) return { problem: { field: `lines.${n}.itemKey`, message: '考核项目不存在' } };
    if (!(line.points >= 0))
      return { problem: { field: `lines.${n}.points`, message: `“${item.name}”的分值不能为负` } };
    if (item.kind === 'veto') {
      if (line.points > 0) vetoed ??= item.name;
      continue;
    }
    if (line.points > item.maxPoints)
      return {
        problem: {
          field: `lines.${n}.points`,
          message: `“${item.name}”最多 ${item.maxPoints} 分，所填 ${line.points} 分超出上限`,
        },
      };
    if (item.kind === 'score') base += line.points;
    else if (item.kind === 'bonus') bonus += line.points;
    else deduction += line.points;
  }
  bonus = Math.min(bonus, caps.bonusCap);
  deduction = Math.min(deduction, caps.deductionCap);
  const total = round2(Math.max(0, base + bonus - deduction));
  return {
    result: {
      base: round2(base),
      bonus: round2(bonus),
      deduction: round2(deduction),
      total,
      vetoed,
      passed: !vetoed,
    },
  };
}
