import type { WorkCalendar } from './calendar.js';
import {
  type ClockFacts,
  clockFor,
  type PetitionClockRules,
  type PetitionStatus,
} from './petition-workflow.js';

/** A step of a case's past, as a writer of history (the ledger import, bulk data) records it. */
export interface PastStep {
  action: string;
  /** The status after the step; null when the step leaves it as it was (an opinion, an extension). */
  to: PetitionStatus | null;
  on: string;
  /** The disposal an `investigate` step chose (谈话函询 / 初步核实). */
  disposal?: string | null;
  /** The days an `extend` step granted. */
  extensionDays?: number;
}

/** What a petition event carries: the case as it stood after the step (see petition_events). */
export interface StepState {
  dueOn: string | null;
  disposal: string | null;
  extensionDays: number;
}

/** The facts of a case that do not change along its life. */
export type CaseFacts = Pick<ClockFacts, 'realName' | 'receivedOn' | 'assignedDueOn'>;

/**
 * The state after each step of a case's past, in order: the clock that ran from it (the rules and
 * calendar given), the disposal chosen so far and the extension granted so far — what the workflow
 * writes on an event when the step is taken on the day, so that the figures as of a date can read
 * a case imported from a ledger as they read one handled in the system.
 */
export function pastStepStates(
  facts: CaseFacts,
  steps: PastStep[],
  rules: PetitionClockRules,
  cal: WorkCalendar,
): StepState[] {
  let status: PetitionStatus = 'registered';
  let disposal: string | null = null;
  let extensionDays = 0;
  let acceptedOn: string | null = null;
  let approvedOn: string | null = null;
  let reviewRequestedOn: string | null = null;
  return steps.map((s) => {
    status = s.to ?? status;
    if (s.action === 'accept') acceptedOn = s.on;
    if (s.action === 'approve') approvedOn = s.on;
    if (s.action === 'request_review') reviewRequestedOn = s.on;
    if (s.action === 'extend') extensionDays = s.extensionDays ?? extensionDays;
    if (s.action === 'hold') disposal = 'hold';
    if (s.action === 'close') disposal = 'close';
    if (s.action === 'investigate') disposal = s.disposal ?? disposal ?? 'preliminary_check';
    const clock = clockFor(
      { ...facts, status, acceptedOn, approvedOn, extensionDays, reviewRequestedOn },
      rules,
      cal,
    );
    return { dueOn: clock?.dueOn ?? null, disposal, extensionDays };
  });
}
