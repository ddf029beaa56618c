/**
 * 任期承诺: the rules of a village cadre's term pledge — its item tree, the roll-up of progress
 * (践诺) from children to parents, the fulfilment rate (兑现率) and the villagers' appraisal
 * (评诺). Pure: the use cases load, check here, write.
 */

export interface PledgeItemInput {
  /** Client key of the item, so children can name their parent before ids exist. */
  key: string;
  parentKey?: string | null;
  title: string;
  /** 可衡量的目标, e.g. 硬化村道 3 公里. */
  target?: string | null;
  dueOn?: string | null;
  /** Optional weight among its siblings; siblings either all carry one or none does. */
  weight?: number | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The first problem with a pledge's items, as `{ field, message }` (field like `items.2.target`),
 * or null: each item needs a title, a target and a due date within the term; parents must exist
 * (no cycles); siblings' weights are all set (positive) or all unset.
 */
export function pledgeItemsProblem(
  items: PledgeItemInput[],
  term: { from: string; to: string | null },
): { field: string; message: string } | null {
  if (!items.length) return { field: 'items', message: '请至少填写一项承诺事项' };
  const index = new Map<string, number>();
  for (const [i, it] of items.entries()) {
    if (index.has(it.key)) return { field: `items.${i}.key`, message: '承诺事项编号重复' };
    index.set(it.key, i);
  }
  for (const [i, it] of items.entries()) {
    const n = i + 1;
    if (!it.title?.trim()) return { field: `items.${i}.title`, message: `第 ${n} 项：请填写承诺事项` };
    if (!it.target?.trim()) return { field: `items.${i}.target`, message: `第 ${n} 项：请填写可衡量的目标` };
    if (!it.dueOn) return { field: `items.${i}.dueOn`, message: `第 ${n} 项：请填写完成期限` };
    if (!DATE.test(it.dueOn)) return { field: `items.${i}.dueOn`, message: `第 ${n} 项：完成期限格式不正确` };
    if (it.dueOn < term.from || (term.to && it.dueOn > term.to))
      return { field: `items.${i}.dueOn`, message: `第 ${n} 项：完成期限须在任期内` };
    if (it.weight != null && !(it.weight > 0))
      return { field: `items.${i}.weight`, message: `第 ${n} 项：权重须大于 0` };
    if (it.parentKey != null && !index.has(it.parentKey))
      return { field: `items.${i}.parentKey`, message: `第 ${n} 项：上级事项不存在` };
  }
  // cycles: walking up from each item must end at a root
  for (const [i, it] of items.entries()) {
    const seen = new Set<string>([it.key]);
    let p = it.parentKey ?? null;
    while (p != null) {
      if (seen.has(p)) return { field: `items.${i}.parentKey`, message: `第 ${i + 1} 项：上级事项不能循环` };
      seen.add(p);
      p = items[index.get(p)!].parentKey ?? null;
    }
  }
  const siblings = new Map<string, number[]>();
  for (const [i, it] of items.entries()) {
    const k = it.parentKey ?? '';
    siblings.set(k, [...(siblings.get(k) ?? []), i]);
  }
  for (const group of siblings.values()) {
    const weighted = group.filter((i) => items[i].weight != null);
    if (weighted.length && weighted.length !== group.length) {
      const i = group.find((j) => items[j].weight == null)!;
      return { field: `items.${i}.weight`, message: `第 ${i + 1} 项：同一上级下的事项须都设权重或都不设` };
    }
  }
  return null;
}

export interface TreeItem {
  id: number;
  parentId: number | null;
  weight: number | null;
}

/**
 * Each item's progress (0–100): a leaf's is its own latest percentage (0 when none); a parent's is
 * the average of its children's, weighted by their weights where they are set. Rounded to 0.1.
 */
export function rollUp(items: TreeItem[], leafPercent: Map<number, number>): Map<number, number> {
  const children = new Map<number, TreeItem[]>();
  for (const it of items)
    if (it.parentId != null) children.set(it.parentId, [...(children.get(it.parentId) ?? []), it]);
  const out = new Map<number, number>();
  const raw = (it: TreeItem): number => {
    const kids = children.get(it.id);
    if (!kids?.length) return leafPercent.get(it.id) ?? 0;
    const weighted = kids.every((k) => k.weight != null);
    let sum = 0;
    let total = 0;
    for (const k of kids) {
      const w = weighted ? Number(k.weight) : 1;
      sum += w * raw(k);
      total += w;
    }
    return total ? sum / total : 0;
  };
  for (const it of items) out.set(it.id, Math.round(raw(it) * 10) / 10);
  return out;
}

/** The latest percentage of each item reported on or before `asOf` (the latest entry of the day wins). */
export function latestPercent(
  entries: { itemId: number; reportedOn: string; percent: number; id: number }[],
  asOf: string,
): Map<number, number> {
  const best = new Map<number, { reportedOn: string; id: number; percent: number }>();
  for (const e of entries) {
    if (e.reportedOn > asOf) continue;
    const b = best.get(e.itemId);
    if (!b || e.reportedOn > b.reportedOn || (e.reportedOn === b.reportedOn && e.id > b.id))
      best.set(e.itemId, e);
  }
  return new Map([...best].map(([k, v]) => [k, v.percent]));
}

/** The items that count for 兑现率: the leaves (each a measurable target). */
export function leaves<T extends { id: number; parentId: number | null }>(items: T[]): T[] {
  const parents = new Set(items.map((i) => i.parentId).filter((p) => p != null));
  return items.filter((i) => !parents.has(i.id));
}

/**
 * 兑现率: of the leaf items due on or before `dueBy`, the share (percent, 0.1) fulfilled — their
 * latest progress on or before the as-of date (`percentAsOf`, from `latestPercent`) is 100%.
 * Null when nothing is due.
 */
export function fulfilmentRate(
  items: { dueOn: string; percentAsOf: number | undefined }[],
  dueBy: string,
): { due: number; fulfilled: number; rate: number | null } {
  const due = items.filter((i) => i.dueOn <= dueBy);
  const fulfilled = due.filter((i) => (i.percentAsOf ?? 0) >= 100).length;
  return {
    due: due.length,
    fulfilled,
    rate: due.length ? Math.round((fulfilled / due.length) * 1000) / 10 : null,
  };
}

export const APPRAISAL_OPTIONS = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' } as const;
export type AppraisalTally = Record<keyof typeof APPRAISAL_OPTIONS, number>;

/** 评诺: the share (percent, 0.1) of 不满意 among the votes, and whether it reaches the threshold. */
export function appraisalOutcome(t: AppraisalTally, thresholdPercent: number) {
  const total = t.satisfied + t.basic + t.unsatisfied;
  const failureShare = total ? Math.round((t.unsatisfied / total) * 1000) / 10 : 0;
  // compare exactly (no rounding): unsatisfied / total ≥ threshold / 100
  const fails = total > 0 && t.unsatisfied * 100 >= thresholdPercent * total;
  return { total, failureShare, fails };
}
