import { type FinanceTable, financeTableProblem } from '../../../domain/openness/finance-table.js';
import { isPeriod, isPeriodic, type Timing } from '../../../domain/openness/timing.js';
import { unprocessable } from '../../platform/http/errors.js';
import type { ItemTypeRow } from './access.js';
import type { ProcedureInput } from './contract.js';

/** A finance table whose lines do not add up to its totals is refused, naming the total (or line). */
export function checkFinance(finance: FinanceTable | null | undefined) {
  if (!finance) return;
  const problem = financeTableProblem(finance);
  if (problem) throw unprocessable(problem.message, { [problem.field]: problem.message });
}

/** A periodic type's item names its period, written as the type writes it (2026-03, 2026-Q1). */
export function checkPeriod(type: ItemTypeRow, period: string | null | undefined): string | null {
  const timing = type.timing as Timing;
  if (!isPeriodic(timing)) return null;
  const example = timing === 'monthly' ? '2026-03' : '2026-Q1';
  if (!period || !isPeriod(timing as 'monthly' | 'quarterly', period)) {
    const m = `请填写公开期间，格式如 ${example}`;
    throw unprocessable(m, { period: m });
  }
  return period;
}

/**
 * A 办事程序 item states its 依据, 条件, 程序 and 时限 (each required by the schema once the
 * procedure is given); an item of another type carries none.
 */
export function checkProcedure(type: ItemTypeRow, procedure: ProcedureInput | null | undefined) {
  if (type.procedure && !procedure) {
    const m = '办事程序须填写办事依据、办理条件、办理程序和办理时限';
    throw unprocessable(m, { procedure: m });
  }
  if (!type.procedure && procedure) {
    const m = `「${type.name}」不是办事程序，不填写办事依据、条件、程序和时限`;
    throw unprocessable(m, { procedure: m });
  }
  return procedure ?? null;
}
