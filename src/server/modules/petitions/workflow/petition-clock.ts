import { chinaDate } from '../../../../domain/calendar.js';
import { type ClockFacts, clockFor, type DueKind } from '../../../../domain/petition-workflow.js';
import { daysPastDue } from '../../../../domain/todo-due.js';
import type { AppContext } from '../../../platform/context.js';
import { petitionClockRules } from '../clock-rules.js';
import type { petitions } from '../schema.js';

export type Petition = typeof petitions.$inferSelect;

/** Today in China, by the context's clock. */
export const todayOf = (ctx: AppContext) => chinaDate(ctx.clock.now());

/** The statutory clock running for a petition now (rules in force today, the real calendar). */
export async function clockOf(
  ctx: AppContext,
  p: ClockFacts,
): Promise<{ dueOn: string | null; dueKind: DueKind | null }> {
  const rules = await petitionClockRules(ctx.rules, todayOf(ctx));
  const clock = clockFor(p, rules, await ctx.calendar.current());
  return { dueOn: clock?.dueOn ?? null, dueKind: clock?.kind ?? null };
}

export const clockFacts = (p: Petition): ClockFacts => ({
  status: p.status as ClockFacts['status'],
  realName: p.realName,
  receivedOn: p.receivedOn,
  acceptedOn: p.acceptedOn,
  approvedOn: p.approvedOn,
  assignedDueOn: p.assignedDueOn,
  extensionDays: p.extensionDays,
  reviewRequestedOn: p.reviewRequestedOn,
});

/** Calendar days past the due date of a running petition (0 when on time, finished or without a clock), counted as every to-do is. */
export function overdueDays(p: { status: string; dueOn: string | null }, today: string): number {
  if (!p.dueOn || p.status === 'concluded' || p.status === 'declined') return 0;
  return daysPastDue(p.dueOn, today);
}
