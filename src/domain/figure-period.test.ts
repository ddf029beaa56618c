import { describe, expect, it } from 'vitest';
import { lastCountedDay, ratioPercent, resolvePeriod } from './figure-period.js';

describe('the period and the as-of date of a figure', () => {
  const today = '2026-01-05';

  it('defaults to this year as of today', () => {
    expect(resolvePeriod({}, today)).toEqual({ from: '2026-01-01', to: '2026-12-31', asOf: today });
  });

  it('takes a past period as of its last day, so that asking later gives the filed figure', () => {
    expect(resolvePeriod({ from: '2025-01-01', to: '2025-12-31' }, today)).toMatchObject({
      asOf: '2025-12-31',
    });
    expect(resolvePeriod({ from: '2025-01-01', to: '2025-12-31' }, '2027-06-30')).toMatchObject({
      asOf: '2025-12-31',
    });
    // a period given by one end takes the rest of that end's year
    expect(resolvePeriod({ to: '2025-06-30' }, today)).toEqual({
      from: '2025-01-01',
      to: '2025-06-30',
      asOf: '2025-06-30',
    });
  });

  it('takes any as-of date from the period start to today, later than the period end included', () => {
    expect(resolvePeriod({ from: '2025-01-01', to: '2025-12-31', asOf: today }, today)).toMatchObject({
      asOf: today,
    });
    expect(resolvePeriod({ from: '2025-01-01', to: '2025-12-31', asOf: '2025-06-30' }, today)).toMatchObject({
      asOf: '2025-06-30',
    });
  });

  it('refuses an as-of date in the future or before the period, and a reversed period', () => {
    expect(resolvePeriod({ asOf: '2026-01-06' }, today)).toEqual({
      field: 'asOf',
      message: '截至日期不能晚于今天（2026-01-05）',
    });
    expect(resolvePeriod({ from: '2025-03-01', to: '2025-12-31', asOf: '2025-02-28' }, today)).toMatchObject({
      field: 'asOf',
    });
    expect(resolvePeriod({ from: '2025-05-01', to: '2025-01-01' }, today)).toMatchObject({ field: 'to' });
  });

  it('counts records up to the earlier of the period end and the as-of date', () => {
    expect(lastCountedDay({ from: '2026-01-01', to: '2026-12-31', asOf: today })).toBe(today);
    expect(lastCountedDay({ from: '2025-01-01', to: '2025-12-31', asOf: today })).toBe('2025-12-31');
  });

  it('gives a ratio as a percentage with one decimal, none over nothing', () => {
    expect(ratioPercent(85, 90)).toBe(94.4);
    expect(ratioPercent(86, 90)).toBe(95.6);
    expect(ratioPercent(0, 0)).toBeNull();
  });
});
