import type { PastStep } from '../../src/domain/petition-step-state.js';
import { pastStepStates } from '../../src/domain/petition-step-state.js';
import type { PetitionStatus } from '../../src/domain/petition-workflow.js';
import { petitionClockRules } from '../../src/server/modules/petitions/clock-rules.js';
import { petitionEvents } from '../../src/server/modules/petitions/schema.js';
import type { Petition } from '../../src/server/modules/petitions/workflow/petition-clock.js';
import type { TestApp } from './test-app.js';

interface History {
  receivedOn: string;
  status: string;
  acceptedOn?: string;
  declinedOn?: string;
  disposal?: string;
  extensionDays?: number;
  extendedOn?: string;
  approvedOn?: string;
  repliedOn?: string;
  concludedOn?: string;
  reports?: string[];
  opinions?: string[];
}

const AFTER_REPORT = ['awaiting_approval', 'approved', 'replied', 'concluded', 'reviewing'];

/** The workflow steps a seeded case's dates stand for, in order, as the officers would have taken them. */
export function historySteps(v: History): PastStep[] {
  const on = (d: string) => d.slice(1, 11);
  const steps: PastStep[] = [];
  if (v.declinedOn) return [{ action: 'decline', to: 'declined', on: v.declinedOn }];
  if (!v.acceptedOn) return steps;
  steps.push({ action: 'accept', to: 'accepted', on: v.acceptedOn });
  const opinions = [...(v.opinions ?? [])].map(on);
  if (v.disposal === 'hold') steps.push({ action: 'hold', to: 'held', on: v.acceptedOn });
  if (v.disposal === 'close')
    steps.push({ action: 'close', to: 'awaiting_approval', on: opinions.shift() ?? v.acceptedOn });
  if (v.disposal === 'talk_inquiry' || v.disposal === 'preliminary_check') {
    steps.push({ action: 'investigate', to: 'investigating', on: v.acceptedOn, disposal: v.disposal });
    for (const r of v.reports ?? []) steps.push({ action: 'report', to: 'reported', on: on(r) });
    for (const o of opinions) steps.push({ action: 'opinion', to: null, on: o });
    if (opinions.length && AFTER_REPORT.includes(v.status))
      steps.push({ action: 'submit', to: 'awaiting_approval', on: opinions.at(-1)! });
  }
  if (v.extensionDays)
    steps.push({
      action: 'extend',
      to: null,
      on: v.extendedOn ?? v.acceptedOn,
      extensionDays: v.extensionDays,
    });
  if (v.approvedOn) steps.push({ action: 'approve', to: 'approved', on: v.approvedOn });
  if (v.repliedOn) steps.push({ action: 'reply', to: 'replied', on: v.repliedOn });
  if (v.concludedOn) steps.push({ action: 'conclude', to: 'concluded', on: v.concludedOn });
  // in the order of their days (an extension granted after a later step sits where it happened)
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.on < b.s.on ? -1 : a.s.on > b.s.on ? 1 : a.i - b.i))
    .map((x) => x.s);
}

/**
 * The events of a seeded case: its registration and the steps its dates stand for, each carrying
 * the state after it (clock, disposal, extension) as the workflow writes it.
 */
export async function seedHistory(t: TestApp, row: Petition, v: History): Promise<void> {
  const steps: PastStep[] = [{ action: 'register', to: 'registered', on: v.receivedOn }, ...historySteps(v)];
  const states = pastStepStates(
    { realName: row.realName, receivedOn: row.receivedOn, assignedDueOn: row.assignedDueOn },
    steps,
    await petitionClockRules(t.ctx.rules, v.receivedOn),
    await t.ctx.calendar.current(),
  );
  let from: PetitionStatus | null = null;
  await t.ctx.db.insert(petitionEvents).values(
    steps.map((s, i) => {
      const event = {
        petitionId: row.id,
        action: s.action,
        fromStatus: from,
        toStatus: s.to ?? from,
        occurredOn: s.on,
        ...states[i],
      };
      from = s.to ?? from;
      return event;
    }),
  );
}
