import { describe, expect, it } from 'vitest';
import { chinaDate, dueState, endOfChinaDay } from './todo-due.js';

describe('to-do due dates on China time', () => {
  it('takes the date in Beijing, not UTC', () => {
    expect(chinaDate(new Date('2026-03-02T15:59:59Z'))).toBe('2026-03-02');
    expect(chinaDate(new Date('2026-03-02T16:00:00Z'))).toBe('2026-03-03');
    expect(endOfChinaDay('2026-03-03').toISOString()).toBe('2026-03-03T16:00:00.000Z');
  });

  it('classifies overdue, due soon and later, counting calendar days overdue in China time', () => {
    const now = new Date('2026-03-10T02:00:00Z'); // 10:00 on 03-10 in Beijing
    expect(dueState(null, now)).toEqual({ state: 'none', overdueDays: 0 });
    expect(dueState(new Date('2026-03-10T01:00:00Z'), now)).toEqual({ state: 'overdue', overdueDays: 0 });
    expect(dueState(new Date('2026-03-09T15:59:00Z'), now).overdueDays).toBe(1); // 23:59 the day before
    expect(dueState(new Date('2026-03-07T01:00:00Z'), now).overdueDays).toBe(3);
    expect(dueState(new Date('2026-03-12T02:00:00Z'), now).state).toBe('soon');
    expect(dueState(new Date('2026-03-14T02:00:00Z'), now).state).toBe('normal');
  });
});
