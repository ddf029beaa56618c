import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.js';
import { planNewVersion, type RuleVersion, ruleInForce } from './rules.js';

const dayBefore = (iso: string) => addDays(iso, -1);
const v = (version: number, value: number, from: string, to: string | null, key = 'petition.acceptance') =>
  ({
    key,
    version,
    value,
    unit: 'days',
    source: '信访工作条例',
    effectiveFrom: from,
    effectiveTo: to,
  }) as RuleVersion<number>;

describe('ruleInForce', () => {
  const history = [
    v(1, 15, '2000-01-01', '2026-04-30'),
    v(2, 10, '2026-05-01', null),
    v(1, 60, '2000-01-01', null, 'petition.handling'),
  ];

  it('gives the old version the day before a change, the new one on and after the change day', () => {
    expect(ruleInForce(history, 'petition.acceptance', '2026-04-30')?.value).toBe(15);
    expect(ruleInForce(history, 'petition.acceptance', '2026-05-01')?.value).toBe(10);
    expect(ruleInForce(history, 'petition.acceptance', '2026-05-02')?.value).toBe(10);
  });

  it('keeps an open-ended version in force indefinitely, and keys apart', () => {
    expect(ruleInForce(history, 'petition.acceptance', '2099-12-31')?.version).toBe(2);
    expect(ruleInForce(history, 'petition.handling', '2099-12-31')?.value).toBe(60);
  });

  it('has nothing before the first version or for an unknown key', () => {
    expect(ruleInForce(history, 'petition.acceptance', '1999-12-31')).toBeNull();
    expect(ruleInForce(history, 'no.such.rule', '2026-05-01')).toBeNull();
  });

  it('prefers the later start, then the higher version, when versions overlap', () => {
    const overlapping = [
      v(1, 15, '2000-01-01', null),
      v(2, 12, '2026-01-01', null),
      v(3, 11, '2026-01-01', null),
    ];
    expect(ruleInForce(overlapping, 'petition.acceptance', '2026-06-01')?.value).toBe(11);
    expect(ruleInForce(overlapping, 'petition.acceptance', '2025-06-01')?.value).toBe(15);
  });
});

describe('planNewVersion', () => {
  it('closes the open version the day before the new one starts and numbers the next version', () => {
    const plan = planNewVersion(
      [v(1, 15, '2000-01-01', null)],
      'petition.acceptance',
      '2026-05-01',
      dayBefore,
    );
    expect(plan).toEqual({ nextVersion: 2, close: [{ version: 1, effectiveTo: '2026-04-30' }] });
  });

  it('closes across a month and a year boundary', () => {
    const plan = planNewVersion(
      [v(1, 15, '2000-01-01', null)],
      'petition.acceptance',
      '2026-01-01',
      dayBefore,
    );
    expect(plan).toEqual({ nextVersion: 2, close: [{ version: 1, effectiveTo: '2025-12-31' }] });
  });

  it('leaves already-closed earlier versions alone', () => {
    const history = [v(1, 15, '2000-01-01', '2025-12-31'), v(2, 12, '2026-01-01', null)];
    const plan = planNewVersion(history, 'petition.acceptance', '2026-07-01', dayBefore);
    expect(plan).toEqual({ nextVersion: 3, close: [{ version: 2, effectiveTo: '2026-06-30' }] });
  });

  it('refuses a start on or before the current version’s start, with a Chinese message', () => {
    const history = [v(1, 15, '2000-01-01', '2026-04-30'), v(2, 10, '2026-05-01', null)];
    for (const from of ['2026-05-01', '2026-04-01', '2000-01-01']) {
      const plan = planNewVersion(history, 'petition.acceptance', from, dayBefore);
      expect('error' in plan && plan.error).toContain('生效日期须晚于');
    }
  });

  it('starts at version 1 for a key with no versions', () => {
    expect(planNewVersion([], 'new.rule', '2026-01-01', dayBefore)).toEqual({ nextVersion: 1, close: [] });
  });
});
