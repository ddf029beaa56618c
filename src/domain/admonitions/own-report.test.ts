import { describe, expect, it } from 'vitest';
import { nextReportDue, ownReportRefusal } from './own-report.js';

describe("the cadre's own written report", () => {
  const dates = ['2025-06-03', '2025-09-03'];
  it('is due on the plan’s report days, one after the other', () => {
    expect(nextReportDue(dates, 0)).toBe('2025-06-03');
    expect(nextReportDue(dates, 1)).toBe('2025-09-03');
    expect(nextReportDue(dates, 2)).toBeNull();
    expect(nextReportDue([], 0)).toBeNull();
  });
  it('is taken only while tracking runs, where the rule asks for it, and not beyond the due ones', () => {
    expect(ownReportRefusal({ status: 'tracking', reportDates: dates }, 0)).toBeNull();
    expect(ownReportRefusal({ status: 'tracking', reportDates: dates }, 1)).toBeNull();
    expect(ownReportRefusal({ status: 'tracking', reportDates: dates }, 2)).toBe(
      '跟踪考察期内应交的 2 份书面报告均已提交',
    );
    expect(ownReportRefusal({ status: 'released', reportDates: dates }, 0)).toBe(
      '诫勉跟踪考察不在进行中，不能提交书面报告',
    );
    expect(ownReportRefusal({ status: 'pending_talk', reportDates: [] }, 0)).toMatch(/不在进行中/);
    expect(ownReportRefusal({ status: 'tracking', reportDates: [] }, 0)).toBe('本次诫勉不要求提交书面报告');
  });
});
