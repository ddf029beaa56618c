import { describe, expect, it } from 'vitest';
import { financeDiff, sameVersion, versionDiff } from './version-diff.js';

const table = (lines: [string, 'income' | 'expense', number][]) => {
  const l = lines.map(([item, kind, amount]) => ({ item, kind, amount }));
  const sum = (k: string) =>
    l.filter((x) => x.kind === k).reduce((s, x) => s + Math.round(x.amount * 100), 0) / 100;
  return { lines: l, totalIncome: sum('income'), totalExpense: sum('expense') };
};

describe('the diff between two versions of a published item', () => {
  it('names each finance line added, removed or changed in amount, and the totals that moved', () => {
    const a = table([
      ['上级转移支付', 'income', 50000],
      ['办公费', 'expense', 350.55],
      ['修路', 'expense', 1000],
    ]);
    const b = table([
      ['上级转移支付', 'income', 50000],
      ['办公费', 'expense', 305.55],
      ['水电费', 'expense', 45],
    ]);
    expect(financeDiff(a, b)).toEqual({
      lines: [
        { change: 'amount', kind: 'expense', item: '办公费', before: 350.55, after: 305.55 },
        { change: 'removed', kind: 'expense', item: '修路', before: 1000 },
        { change: 'added', kind: 'expense', item: '水电费', after: 45 },
      ],
      totals: [{ field: 'totalExpense', before: 1350.55, after: 350.55 }],
    });
  });

  it('an unchanged table is no finance diff; the body is a line diff and the title before/after', () => {
    const f = table([['租金', 'income', 0.1]]);
    const d = versionDiff(
      { title: '二月公开', body: '第一行\n第二行', finance: f },
      { title: '二月公开（更正）', body: '第一行\n第二行更正', finance: { ...f, lines: [...f.lines] } },
    );
    expect(d.finance).toBeNull();
    expect(d.title).toEqual({ before: '二月公开', after: '二月公开（更正）' });
    expect(d.body).toEqual([
      { kind: 'same', text: '第一行' },
      { kind: 'removed', text: '第二行' },
      { kind: 'added', text: '第二行更正' },
    ]);
    expect(sameVersion({ title: 'a', body: 'b', finance: f }, { title: 'a', body: 'b', finance: f })).toBe(
      true,
    );
  });

  it('a table added to an item without one lists all its lines as added', () => {
    const d = financeDiff(null, table([['租金', 'income', 10]]));
    expect(d?.lines).toEqual([{ change: 'added', kind: 'income', item: '租金', after: 10 }]);
  });
});
