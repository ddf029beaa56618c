import { describe, expect, it } from 'vitest';
import { chineseDaysRows } from '../server/platform/calendar/seed.js';
import {
  addMonths,
  addWorkingDays,
  chinaDate,
  isIsoDate,
  isWorkingDay,
  parseIsoDate,
  type WorkCalendar,
  workingDaysBetween,
} from './calendar.js';

// The real schedule from the chinese-days package, as the application seeds it.
const rows = chineseDaysRows();
const cal: WorkCalendar = {
  holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.day)),
  workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.day)),
};

describe('the package data this suite relies on', () => {
  it('has National Day 2025 (Oct 1–8 off; Sep 28 and Oct 11 worked) and Spring Festival 2026 (Feb 15–23 off; Feb 14 and 28 worked)', () => {
    for (let d = 1; d <= 8; d++) expect(cal.holidays.has(`2025-10-0${d}`)).toBe(true);
    expect(cal.holidays.has('2025-10-09')).toBe(false);
    expect([...cal.workdays].filter((d) => d >= '2025-09-01' && d <= '2025-10-31')).toEqual([
      '2025-09-28',
      '2025-10-11',
    ]);
    for (let d = 15; d <= 23; d++) expect(cal.holidays.has(`2026-02-${d}`)).toBe(true);
    expect(cal.holidays.has('2026-02-24')).toBe(false);
    expect([...cal.workdays].filter((d) => d >= '2026-02-01' && d <= '2026-02-28').sort()).toEqual([
      '2026-02-14',
      '2026-02-28',
    ]);
  });
});

describe('isWorkingDay', () => {
  it('knows weekdays, weekends, holidays and make-up Saturdays and Sundays', () => {
    expect(isWorkingDay('2025-09-26', cal)).toBe(true); // Friday
    expect(isWorkingDay('2025-09-27', cal)).toBe(false); // Saturday
    expect(isWorkingDay('2025-09-28', cal)).toBe(true); // Sunday, make-up day
    expect(isWorkingDay('2025-10-01', cal)).toBe(false); // Wednesday, National Day
    expect(isWorkingDay('2025-10-11', cal)).toBe(true); // Saturday, make-up day
    expect(isWorkingDay('2026-02-14', cal)).toBe(true); // Saturday, make-up day
    expect(isWorkingDay('2026-02-16', cal)).toBe(false); // Monday, Spring Festival
  });
});

describe('addWorkingDays', () => {
  it('counts 15 working days from 2025-09-26 across National Day to 2025-10-23', () => {
    // 9-28 (Sun, make-up), 9-29, 9-30, then 10-9, 10-10, 10-11 (Sat, make-up), 10-13 … 10-17, 10-20 … 10-23
    expect(addWorkingDays('2025-09-26', 15, cal)).toBe('2025-10-23');
  });

  it('counts the weekend make-up day: 1 working day after Friday 2025-09-26 is Sunday 2025-09-28', () => {
    expect(addWorkingDays('2025-09-26', 1, cal)).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-30', 1, cal)).toBe('2025-10-09');
  });

  it('crosses Spring Festival 2026: 5 working days from Thursday 2026-02-12 is 2026-02-26', () => {
    // 2-13 (Fri), 2-14 (Sat, make-up), holiday 2-15 … 2-23, 2-24, 2-25, 2-26
    expect(addWorkingDays('2026-02-12', 5, cal)).toBe('2026-02-26');
    expect(addWorkingDays('2026-02-26', 2, cal)).toBe('2026-02-28'); // Friday, then Saturday make-up
  });

  it('returns the start itself for n = 0 and refuses negative or fractional counts', () => {
    expect(addWorkingDays('2025-10-03', 0, cal)).toBe('2025-10-03');
    expect(() => addWorkingDays('2025-10-03', -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-10-03', 1.5, cal)).toThrow(RangeError);
  });

  it('a start on a holiday counts from the next working day', () => {
    expect(addWorkingDays('2025-10-01', 1, cal)).toBe('2025-10-09');
  });
});

describe('workingDaysBetween', () => {
  it('is the inverse of addWorkingDays across 2025–2026, in both directions', () => {
    for (let start = '2025-01-01'; start <= '2026-12-01'; start = addMonths(start, 1)) {
      for (const n of [0, 1, 5, 15, 20, 60]) {
        const end = addWorkingDays(start, n, cal);
        expect(workingDaysBetween(start, end, cal), `${start} + ${n}`).toBe(n);
        expect(workingDaysBetween(end, start, cal)).toBe(n === 0 ? 0 : -n);
      }
    }
  });

  it('counts the working days of National Day week 2025 (Sep 29 – Oct 12): 5', () => {
    // (9-28, 10-12]: 9-29, 9-30, 10-9, 10-10, 10-11
    expect(workingDaysBetween('2025-09-28', '2025-10-12', cal)).toBe(5);
  });
});

describe('dates', () => {
  it('rejects malformed and impossible dates', () => {
    for (const bad of ['2025-02-29', '2026-13-01', '2026-1-5', '20260105', '2026-01-32', '', 'abc']) {
      expect(() => parseIsoDate(bad), bad).toThrow(RangeError);
      expect(isIsoDate(bad)).toBe(false);
      expect(() => addWorkingDays(bad, 1, cal)).toThrow(RangeError);
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-10-15', 12)).toBe('2026-10-15');
  });

  it("takes today's date in China, eight hours ahead of UTC", () => {
    expect(chinaDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(chinaDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
});
