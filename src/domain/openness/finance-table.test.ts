import { describe, expect, it } from 'vitest';
import { financeTableProblem } from './finance-table.js';

const table = {
  lines: [
    { kind: 'income' as const, item: '上级转移支付', amount: 50000.1 },
    { kind: 'income' as const, item: '集体资产租金', amount: 0.2 },
    { kind: 'expense' as const, item: '村干部报酬', amount: 12000 },
    { kind: 'expense' as const, item: '办公费', amount: 350.55 },
  ],
  totalIncome: 50000.3,
  totalExpense: 12350.55,
  balance: 37649.75,
};

describe('finance table totals', () => {
  it('accepts totals that are the sums to the fen (no float drift: 0.1 + 0.2)', () => {
    expect(financeTableProblem(table)).toBeNull();
    expect(financeTableProblem({ ...table, balance: null })).toBeNull();
  });
  it('names the total that does not add up', () => {
    expect(financeTableProblem({ ...table, totalIncome: 50000.31 })?.field).toBe('finance.totalIncome');
    expect(financeTableProblem({ ...table, totalExpense: 12350 })?.field).toBe('finance.totalExpense');
    expect(financeTableProblem({ ...table, balance: 1 })?.field).toBe('finance.balance');
  });
  it('names a line with more than two decimals or a negative amount', () => {
    const lines = [...table.lines];
    lines[1] = { ...lines[1], amount: 0.205 };
    expect(financeTableProblem({ ...table, lines })?.field).toBe('finance.lines.1.amount');
    lines[1] = { ...lines[1], amount: -1 };
    expect(financeTableProblem({ ...table, lines })?.field).toBe('finance.lines.1.amount');
  });
});
