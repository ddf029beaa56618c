import { describe, expect, it } from 'vitest';
import { monthDays, monthLabel, monthsOf, sliceKeyProblem } from './figure-breakdown.js';

describe('figure breakdowns', () => {
  it('lists the months a period spans, across a year end', () => {
    expect(monthsOf('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2026-01-01', '2026-12-31')).toHaveLength(12);
    expect(monthsOf('2026-03-05', '2026-03-05')).toEqual(['2026-03']);
    expect(monthsOf('2026-03-05', '2026-02-05')).toEqual([]);
  });

  it('knows the days of a month, leap years too', () => {
    expect(monthDays('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthDays('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(monthDays('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(monthLabel('2026-03')).toBe('2026年3月');
  });

  it('refuses a malformed slice key', () => {
    expect(sliceKeyProblem('month', '2026-03')).toBeNull();
    expect(sliceKeyProblem('month', '2026-13')).toMatch(/年月/);
    expect(sliceKeyProblem('month', '2026-3')).toMatch(/年月/);
    expect(sliceKeyProblem('org', '12')).toBeNull();
    expect(sliceKeyProblem('org', '0')).toMatch(/单位编号/);
    expect(sliceKeyProblem('org', 'x; drop')).toMatch(/单位编号/);
  });
});
