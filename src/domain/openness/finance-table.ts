/**
 * A finance table (财务收支公开表): lines of receipts and expenditure with amounts, and the totals the
 * clerk states. The stated totals must be the sums of the lines, to the fen. Amounts are yuan with at
 * most two decimals; the arithmetic is done in fen.
 */
export interface FinanceLine {
  kind: 'income' | 'expense';
  item: string;
  amount: number;
}

export interface FinanceTable {
  lines: FinanceLine[];
  totalIncome: number;
  totalExpense: number;
  /** 本期结余 = 收入合计 − 支出合计 (optional). */
  balance?: number | null;
}

export const toFen = (yuan: number) => Math.round(yuan * 100);
export const hasAtMostTwoDecimals = (yuan: number) => Math.abs(yuan * 100 - Math.round(yuan * 100)) < 1e-6;

export interface TableProblem {
  field: string;
  message: string;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The first way the table does not add up, or null. Fields are paths under `finance`. */
export function financeTableProblem(t: FinanceTable): TableProblem | null {
  const badLine = t.lines.findIndex((l) => !hasAtMostTwoDecimals(l.amount) || l.amount < 0);
  if (badLine >= 0)
    return {
      field: `finance.lines.${badLine}.amount`,
      message: `第 ${badLine + 1} 行金额应为不小于 0、最多两位小数的数`,
    };
  const income = t.lines.filter((l) => l.kind === 'income').reduce((s, l) => s + toFen(l.amount), 0);
  const expense = t.lines.filter((l) => l.kind === 'expense').reduce((s, l) => s + toFen(l.amount), 0);
  if (toFen(t.totalIncome) !== income)
    return {
      field: 'finance.totalIncome',
      message: `收入合计 ${yuan(toFen(t.totalIncome))} 元与各收入明细之和 ${yuan(income)} 元不符`,
    };
  if (toFen(t.totalExpense) !== expense)
    return {
      field: 'finance.totalExpense',
      message: `支出合计 ${yuan(toFen(t.totalExpense))} 元与各支出明细之和 ${yuan(expense)} 元不符`,
    };
  if (t.balance != null && toFen(t.balance) !== income - expense)
    return {
      field: 'finance.balance',
      message: `本期结余 ${yuan(toFen(t.balance))} 元应为收入合计减支出合计 ${yuan(income - expense)} 元`,
    };
  return null;
}
