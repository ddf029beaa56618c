import { describe, expect, it } from 'vitest';
import { chinaDate, daysPastDue, dueState, endOfChinaDay } from './todo-due.js';

describe('due dates are dates in China', () => {
  it('takes the date in Beijing, not UTC', () => {
    expect(chinaDate(new Date('2026-03-02T15:59:59Z'))).toBe('2026-03-02');
    expect(chinaDate(new Date('2026-03-02T16:00:00Z'))).toBe('2026-03-03');
    expect(endOfChinaDay('2026-03-03').toISOString()).toBe('2026-03-03T16:00:00.000Z');
  });

  it('counts overdue days one way: 0 on the due day, 1 the day after', () => {
    expect(daysPastDue('2026-03-24', '2026-03-24')).toBe(0);
    expect(daysPastDue('2026-03-24', '2026-03-25')).toBe(1);
    expect(daysPastDue('2026-03-24', '2026-12-05')).toBe(256);
    expect(daysPastDue('2026-03-24', '2026-03-01')).toBe(0);
  });

  it('classifies overdue, due soon (today and the next two days) and later', () => {
    const today = '2026-03-10';
    expect(dueState(null, today)).toEqual({ state: 'none', overdueDays: 0 });
    expect(dueState('2026-03-09', today)).toEqual({ state: 'overdue', overdueDays: 1 });
    expect(dueState('2026-03-07', today).overdueDays).toBe(3);
    expect(dueState('2026-03-10', today)).toEqual({ state: 'soon', overdueDays: 0 });
    expect(dueState('2026-03-12', today).state).toBe('soon');
    expect(dueState('2026-03-13', today).state).toBe('normal');
  });
});
