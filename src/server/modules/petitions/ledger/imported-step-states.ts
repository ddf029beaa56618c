import type { LedgerRecord } from '../../../../domain/petition-ledger-row.js';
import { type PastStep, pastStepStates, type StepState } from '../../../../domain/petition-step-state.js';
import type { AppContext } from '../../../platform/context.js';
import { petitionClockRules } from '../clock-rules.js';
import { type Petition, todayOf } from '../workflow/petition-clock.js';

/**
 * The state after each past step of an imported case — its clock (by the rules in force today, as
 * the imported row's own clock is), disposal and extension — for its events, so that the figures as
 * of a date between two of its steps see it as it stood then.
 */
export async function importedStepStates(
  ctx: AppContext,
  p: Petition,
  steps: Omit<PastStep, 'disposal' | 'extensionDays'>[],
  r: Pick<LedgerRecord, 'disposal' | 'extensionDays'>,
): Promise<StepState[]> {
  const rules = await petitionClockRules(ctx.rules, todayOf(ctx));
  return pastStepStates(
    { realName: p.realName, receivedOn: p.receivedOn, assignedDueOn: p.assignedDueOn },
    steps.map((s) => ({ ...s, disposal: r.disposal, extensionDays: r.extensionDays ?? 0 })),
    rules,
    await ctx.calendar.current(),
  );
}
