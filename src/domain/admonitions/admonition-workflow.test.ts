import { describe, expect, it } from 'vitest';
import {
  admonitionTransition,
  nextCheckIn,
  onOrNextWorkingDay,
  releaseRefusal,
  TRANSITIONS,
  trackingPlan,
} from './admonition-workflow.js';
import { answeredOnTime, inquiryOverdue, inquiryTransition } from './inquiry-workflow.js';

const cal = {
  // 2025 国庆 and 春节 2026 (part), with a 调休 Saturday
  holidays: new Set(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08']),
  workdays: new Set(['2025-10-11']),
};
const rules = { months: 6, intervalMonths: 1, quarterlyReport: true, decisionDays: 5 };

describe('admonition transitions', () => {
  it('talk starts tracking; a reminder talk ends at the talk', () => {
    expect(admonitionTransition('admonition', 'pending_talk', 'talk')).toEqual({ to: 'tracking' });
    expect(admonitionTransition('reminder', 'pending_talk', 'talk')).toEqual({ to: 'talked' });
  });
  it('tracking allows check-ins, reports, release and measures; ended records allow nothing', () => {
    for (const a of ['check_in', 'report'] as const)
      expect(admonitionTransition('admonition', 'tracking', a)).toEqual({ to: 'tracking' });
    expect(admonitionTransition('admonition', 'tracking', 'release')).toEqual({ to: 'released' });
    expect(admonitionTransition('admonition', 'tracking', 'measure')).toEqual({ to: 'measures' });
    for (const from of ['released', 'measures', 'talked'] as const)
      for (const a of Object.keys(TRANSITIONS.tracking) as (keyof typeof TRANSITIONS.tracking)[])
        expect(admonitionTransition('admonition', from, a)).toHaveProperty('error');
    expect(admonitionTransition('admonition', 'pending_talk', 'release')).toEqual({
      error: '当前状态为“待谈话”，不能解除诫勉',
    });
  });
});

describe('tracking plan', () => {
  it('six monthly check-ins on the talk day of each month, moved past holidays and weekends', () => {
    const plan = trackingPlan('2025-04-01', rules, cal);
    expect(plan.endsOn).toBe('2025-10-01');
    // 2025-05-01 is a Thursday (no holiday in this calendar), 06-01 a Sunday → 06-02,
    // 10-01 a holiday → 10-09 (10-04/05 weekend, 10-06..08 holidays)
    expect(plan.checkIns).toEqual([
      '2025-05-01',
      '2025-06-02',
      '2025-07-01',
      '2025-08-01',
      '2025-09-01',
      '2025-10-09',
    ]);
    expect(plan.reports).toEqual(['2025-07-01', '2025-10-09']);
    // decision: 5 working days after the last check-in (10-11 is a 调休 working Saturday)
    expect(plan.decideBy).toBe('2025-10-15');
  });
  it('a talk on the 31st: month ends are not shortened', () => {
    const plan = trackingPlan(
      '2025-08-31',
      { ...rules, quarterlyReport: false },
      { holidays: new Set(), workdays: new Set() },
    );
    expect(plan.endsOn).toBe('2026-03-01');
    expect(plan.checkIns[0]).toBe('2025-10-01');
    expect(plan.reports).toEqual([]);
  });
  it('the rule values drive the plan: 12 months every 2 months', () => {
    const plan = trackingPlan('2026-01-05', { ...rules, months: 12, intervalMonths: 2 }, cal);
    expect(plan.checkIns).toHaveLength(6);
    expect(plan.endsOn).toBe('2027-01-05');
  });
  it('release only after the tracking ends and every check-in is held', () => {
    const plan = trackingPlan('2025-04-01', rules, cal);
    expect(releaseRefusal(plan, 6, '2025-09-30')).toBe('跟踪考察期至 2025-09-30，期满后方可解除诫勉');
    expect(releaseRefusal(plan, 5, '2025-10-20')).toMatch(/应进行 6 次谈心谈话，已进行 5 次/);
    expect(releaseRefusal(plan, 6, '2025-10-01')).toBeNull();
    expect(nextCheckIn(plan, 0)).toBe('2025-05-01');
    expect(nextCheckIn(plan, 6)).toBeNull();
  });
  it('onOrNextWorkingDay keeps a working day', () => {
    expect(onOrNextWorkingDay('2025-10-11', cal)).toBe('2025-10-11');
    expect(onOrNextWorkingDay('2025-10-04', cal)).toBe('2025-10-09');
  });
});

describe('inquiry transitions', () => {
  it('reply → endorse → conclude, nothing after', () => {
    expect(inquiryTransition('sent', 'reply')).toEqual({ to: 'replied' });
    expect(inquiryTransition('replied', 'endorse')).toEqual({ to: 'endorsed' });
    expect(inquiryTransition('endorsed', 'conclude')).toEqual({ to: 'concluded' });
    expect(inquiryTransition('concluded', 'reply')).toEqual({ error: '函询当前状态为“已了结”，不能回复' });
    expect(inquiryTransition('sent', 'conclude')).toHaveProperty('error');
  });
  it('on time and overdue', () => {
    expect(answeredOnTime('2026-03-20', '2026-03-20')).toBe(true);
    expect(answeredOnTime('2026-03-21', '2026-03-20')).toBe(false);
    expect(answeredOnTime(null, '2026-03-20')).toBe(false);
    expect(inquiryOverdue('sent', '2026-03-20', '2026-03-21')).toBe(true);
    expect(inquiryOverdue('sent', '2026-03-20', '2026-03-20')).toBe(false);
    expect(inquiryOverdue('replied', '2026-03-20', '2026-04-21')).toBe(false);
  });
});
