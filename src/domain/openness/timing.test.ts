import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../calendar.js';
import {
  dueState,
  matterDeadline,
  nextPeriod,
  periodDeadline,
  periodOf,
  periodSpan,
  periodsDueBy,
  previousPeriod,
} from './timing.js';

const noHolidays: WorkCalendar = { holidays: new Set(), workdays: new Set() };
/** 2026 National Day: 1–8 October off, Sunday 27 September and Saturday 10 October worked. */
const nationalDay: WorkCalendar = {
  holidays: new Set([
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
    '2026-10-08',
  ]),
  workdays: new Set(['2026-09-27', '2026-10-10']),
};

describe('periods', () => {
  it('names months and quarters, at their edges', () => {
    expect(periodOf('monthly', '2026-03-31')).toBe('2026-03');
    expect(periodOf('monthly', '2026-04-01')).toBe('2026-04');
    expect(periodOf('quarterly', '2026-03-31')).toBe('2026-Q1');
    expect(periodOf('quarterly', '2026-04-01')).toBe('2026-Q2');
    expect(periodOf('quarterly', '2026-12-31')).toBe('2026-Q4');
    expect(periodSpan('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodSpan('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodSpan('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(nextPeriod('2026-Q4')).toBe('2027-Q1');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
  });
});

describe('monthly: due by the N-th day of the next month', () => {
  it('March finances by 10 April; December by 10 January of the next year', () => {
    expect(periodDeadline('2026-03', 10)).toBe('2026-04-10');
    expect(periodDeadline('2026-12', 10)).toBe('2027-01-10');
  });
  it('a day past the month end is capped at it (31 → 28 February)', () => {
    expect(periodDeadline('2026-01', 31)).toBe('2026-02-28');
  });
  it('refuses a day below 1', () => {
    expect(() => periodDeadline('2026-01', 0)).toThrow();
  });
});

describe('quarterly: due by the N-th day of the first month of the next quarter', () => {
  it('Q1 by 10 April, Q4 by 10 January', () => {
    expect(periodDeadline('2026-Q1', 10)).toBe('2026-04-10');
    expect(periodDeadline('2026-Q4', 10)).toBe('2027-01-10');
    expect(periodDeadline('2026-Q2', 1)).toBe('2026-07-01');
  });
});

describe('matters', () => {
  it('within N calendar days of the decision', () => {
    expect(matterDeadline('within_days', '2026-03-28', 5, nationalDay)).toBe('2026-04-02');
    expect(matterDeadline('within_days', '2026-03-28', 0, nationalDay)).toBe('2026-03-28');
  });
  it('20 working days: across the National Day holidays and the 调休 Saturday', () => {
    expect(matterDeadline('within_working_days', '2026-09-28', 20, noHolidays)).toBe('2026-10-26');
    expect(matterDeadline('within_working_days', '2026-09-28', 20, nationalDay)).toBe('2026-11-02');
  });
  it('formed on a holiday: counting starts with the next working day', () => {
    expect(matterDeadline('within_working_days', '2026-10-03', 1, nationalDay)).toBe('2026-10-09');
  });
});

describe('periods a unit owes', () => {
  it('only ended periods, from the unit start', () => {
    expect(periodsDueBy('monthly', '2026-01-01', '2026-04-01', 10)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(periodsDueBy('monthly', '2026-01-01', '2026-03-31', 10)).toEqual(['2026-01', '2026-02']);
    expect(periodsDueBy('quarterly', '2026-01-01', '2026-07-01', 10)).toEqual(['2026-Q1', '2026-Q2']);
  });
});

describe('due state', () => {
  it('on the deadline is on time and still due; the day after is late or overdue', () => {
    expect(dueState('2026-04-10', '2026-04-10', '2026-04-20')).toBe('on_time');
    expect(dueState('2026-04-10', '2026-04-11', '2026-04-20')).toBe('late');
    expect(dueState('2026-04-10', null, '2026-04-10')).toBe('due');
    expect(dueState('2026-04-10', null, '2026-04-11')).toBe('overdue');
  });
});
