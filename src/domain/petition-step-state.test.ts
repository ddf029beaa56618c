import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from './calendar.js';
import { pastStepStates } from './petition-step-state.js';
import type { PetitionClockRules } from './petition-workflow.js';

const cal: WorkCalendar = { holidays: new Set(), workdays: new Set() };
const rules: PetitionClockRules = {
  acceptanceDays: 15,
  handlingDays: 60,
  extensionMaxDays: 30,
  reviewRequestDays: 30,
  reviewAnswerDays: 30,
  realNameResultWorkingDays: 15,
};
const facts = { realName: false, receivedOn: '2025-10-01', assignedDueOn: null };

describe('the state after each step of an imported past', () => {
  it('runs the clock of each status, with the extension and the disposal chosen so far', () => {
    const states = pastStepStates(
      facts,
      [
        { action: 'accept', to: 'accepted', on: '2025-10-05' },
        { action: 'extend', to: null, on: '2025-10-05', extensionDays: 20 },
        { action: 'hold', to: 'held', on: '2025-10-05' },
        { action: 'investigate', to: 'investigating', on: '2025-11-01', disposal: 'talk_inquiry' },
        { action: 'report', to: 'reported', on: '2025-11-20' },
        { action: 'submit', to: 'awaiting_approval', on: '2025-11-25' },
        { action: 'approve', to: 'approved', on: '2025-11-28' },
        { action: 'reply', to: 'replied', on: '2025-12-20' },
        { action: 'conclude', to: 'concluded', on: '2026-01-03' },
      ],
      rules,
      cal,
    );
    expect(states[0]).toEqual({ dueOn: '2025-12-04', disposal: null, extensionDays: 0 });
    expect(states[1]).toEqual({ dueOn: '2025-12-24', disposal: null, extensionDays: 20 });
    expect(states[2]).toEqual({ dueOn: '2025-12-24', disposal: 'hold', extensionDays: 20 });
    expect(states[3]).toMatchObject({ disposal: 'talk_inquiry' });
    expect(states[6]).toMatchObject({ dueOn: '2025-12-24' }); // approved, not real-name: still handling
    expect(states[7]).toEqual({ dueOn: null, disposal: 'talk_inquiry', extensionDays: 20 });
    expect(states[8].dueOn).toBeNull();
  });

  it('keeps the assigning body’s due date when it is earlier, and the reply clock for a real-name report', () => {
    const states = pastStepStates(
      { realName: true, receivedOn: '2025-10-01', assignedDueOn: '2025-11-15' },
      [
        { action: 'accept', to: 'accepted', on: '2025-10-02' },
        { action: 'close', to: 'awaiting_approval', on: '2025-10-10' },
        { action: 'approve', to: 'approved', on: '2025-10-20' },
      ],
      rules,
      cal,
    );
    expect(states[0].dueOn).toBe('2025-11-15');
    expect(states[1]).toMatchObject({ disposal: 'close' });
    // 15 working days from Monday 2025-10-20 with no holidays in this calendar
    expect(states[2].dueOn).toBe('2025-11-10');
  });
});
