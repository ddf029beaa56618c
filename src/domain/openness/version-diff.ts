import { type DiffLine, lineDiff } from '../policy-library.js';
import { type FinanceLine, type FinanceTable, toFen } from './finance-table.js';

/**
 * What changed between two versions of a published item: the title, a line diff of the body and,
 * line by line, the finance table (a line is matched by its kind and item: added, removed, or its
 * amount changed), with the totals before and after.
 */
export interface VersionText {
  title: string;
  body: string;
  finance: FinanceTable | null;
}

export type FinanceLineChange =
  | { change: 'added'; kind: FinanceLine['kind']; item: string; after: number }
  | { change: 'removed'; kind: FinanceLine['kind']; item: string; before: number }
  | { change: 'amount'; kind: FinanceLine['kind']; item: string; before: number; after: number };

export interface TotalChange {
  field: 'totalIncome' | 'totalExpense' | 'balance';
  before: number | null;
  after: number | null;
}

export interface VersionDiff {
  title: { before: string; after: string } | null;
  body: DiffLine[] | null;
  finance: { lines: FinanceLineChange[]; totals: TotalChange[] } | null;
}

const key = (l: FinanceLine) => `${l.kind}\u0000${l.item}`;

/** Sums the amounts of lines sharing a kind and item, keeping the first-seen order. */
function byItem(t: FinanceTable | null): Map<string, FinanceLine> {
  const m = new Map<string, FinanceLine>();
  for (const l of t?.lines ?? []) {
    const had = m.get(key(l));
    m.set(key(l), had ? { ...had, amount: (toFen(had.amount) + toFen(l.amount)) / 100 } : { ...l });
  }
  return m;
}

export function financeDiff(
  a: FinanceTable | null,
  b: FinanceTable | null,
): { lines: FinanceLineChange[]; totals: TotalChange[] } | null {
  const before = byItem(a);
  const after = byItem(b);
  const lines: FinanceLineChange[] = [];
  for (const [k, l] of before) {
    const n = after.get(k);
    if (!n) lines.push({ change: 'removed', kind: l.kind, item: l.item, before: l.amount });
    else if (toFen(n.amount) !== toFen(l.amount))
      lines.push({ change: 'amount', kind: l.kind, item: l.item, before: l.amount, after: n.amount });
  }
  for (const [k, l] of after)
    if (!before.has(k)) lines.push({ change: 'added', kind: l.kind, item: l.item, after: l.amount });
  const totals: TotalChange[] = [];
  for (const field of ['totalIncome', 'totalExpense', 'balance'] as const) {
    const x = a?.[field] ?? null;
    const y = b?.[field] ?? null;
    if ((x == null ? null : toFen(x)) !== (y == null ? null : toFen(y)))
      totals.push({ field, before: x, after: y });
  }
  return lines.length || totals.length ? { lines, totals } : null;
}

/** The diff of version `b` against the version `a` before it. */
export function versionDiff(a: VersionText, b: VersionText): VersionDiff {
  const body = a.body === b.body ? null : lineDiff(a.body, b.body);
  return {
    title: a.title === b.title ? null : { before: a.title, after: b.title },
    body,
    finance: financeDiff(a.finance, b.finance),
  };
}

/** True when the two versions say the same (a revision that changes nothing is refused). */
export const sameVersion = (a: VersionText, b: VersionText) => {
  const d = versionDiff(a, b);
  return !d.title && !d.body && !d.finance;
};
