import { describe, expect, it } from 'vitest';
import { RULE_DEFAULTS } from '../server/platform/rules/defaults.js';
import { type CadreRecords, emptyRecords } from './cadre-records.js';
import { periodClearsOn } from './effect-period.js';
import { promotionEligibility, type RuleRef } from './promotion-eligibility.js';

const DEFAULTS: Record<string, RuleRef> = Object.fromEntries(
  RULE_DEFAULTS.map((r) => [r.key, { value: r.value, name: r.name, source: r.source, unit: r.unit }]),
);
const check = (onDate: string, rec: Partial<CadreRecords>, rules = DEFAULTS) =>
  promotionEligibility({ onDate, tenures: [], records: { ...emptyRecords(), ...rec }, rules });

// domain.md: 党纪处分 警告 1 年, 严重警告 1.5 年, 撤销党内职务 2 年; 政务处分 警告 6 个月, 记过 12,
// 记大过 18, 降级/撤职 24; 组织处理 调离岗位 1 年, 免职 1 年 (较重 2 年), 降职 2 年. All from 2025-01-10.
const TABLE: [field: 'sanctions' | 'orgMeasures', kind: string, lastBlocked: string, clears: string][] = [
  ['sanctions', 'party.warning', '2026-01-09', '2026-01-10'],
  ['sanctions', 'party.serious_warning', '2026-07-09', '2026-07-10'],
  ['sanctions', 'party.removal_from_post', '2027-01-09', '2027-01-10'],
  ['sanctions', 'government.warning', '2025-07-09', '2025-07-10'],
  ['sanctions', 'government.demerit', '2026-01-09', '2026-01-10'],
  ['sanctions', 'government.major_demerit', '2026-07-09', '2026-07-10'],
  ['sanctions', 'government.demotion', '2027-01-09', '2027-01-10'],
  ['sanctions', 'government.dismissal', '2027-01-09', '2027-01-10'],
  ['orgMeasures', 'transfer', '2026-01-09', '2026-01-10'],
  ['orgMeasures', 'removal', '2026-01-09', '2026-01-10'],
  ['orgMeasures', 'removal_higher', '2027-01-09', '2027-01-10'],
  ['orgMeasures', 'demotion', '2027-01-09', '2027-01-10'],
];

describe('党纪 / 政务处分 and 组织处理 effect periods', () => {
  it.each(TABLE)('%s %s: blocked from 2025-01-10 through %s, clears on %s', (field, kind, last, clears) => {
    const rec = { [field]: [{ kind, effectiveFrom: '2025-01-10' }] };
    const key = `${field === 'sanctions' ? 'sanction' : 'org_measure'}.${kind}`;
    expect(check('2025-01-09', rec).verdict).not.toBe('blocked');
    const first = check('2025-01-10', rec);
    expect(first.reasons).toHaveLength(1);
    expect(first.reasons[0]).toMatchObject({
      code: field === 'sanctions' ? 'sanction' : 'org_measure',
      rule: { key, name: DEFAULTS[key].name, source: DEFAULTS[key].source },
      since: '2025-01-10',
      clearsOn: clears,
    });
    expect(first.reasons[0].message).toContain(`${last} 期满前不得提拔`);
    expect(check(last, rec).verdict).toBe('blocked');
    expect(check(clears, rec).verdict).not.toBe('blocked');
  });

  it('a sanction of a kind no rule knows blocks with no date and says so', () => {
    const e = check('2030-01-01', {
      sanctions: [{ kind: 'party.unknown_kind', effectiveFrom: '2025-01-10' }],
    });
    expect(e.reasons[0]).toMatchObject({
      code: 'sanction',
      clearsOn: null,
      rule: { key: 'sanction.party.unknown_kind' },
    });
    expect(e.reasons[0].message).toContain('未配置规则');
  });

  it('a sanction decided for a later date does not block yet', () => {
    expect(
      check('2025-01-01', { sanctions: [{ kind: 'party.warning', effectiveFrom: '2025-02-01' }] }).verdict,
    ).not.toBe('blocked');
  });

  it('a changed rule value changes the date it clears', () => {
    const rec = { sanctions: [{ kind: 'government.warning', effectiveFrom: '2025-01-10' }] };
    const rules = {
      ...DEFAULTS,
      'sanction.government.warning': { ...DEFAULTS['sanction.government.warning'], value: 9 },
    };
    expect(check('2025-07-10', rec).verdict).not.toBe('blocked');
    expect(check('2025-07-10', rec, rules).reasons[0].clearsOn).toBe('2025-10-10');
  });
});

describe('leap years and month ends: a period is never shortened by a short month', () => {
  it('12 months from 2024-02-29: blocked through 2025-02-28, clears 2025-03-01', () => {
    const rec = { sanctions: [{ kind: 'party.warning', effectiveFrom: '2024-02-29' }] };
    expect(check('2025-02-28', rec).reasons[0].clearsOn).toBe('2025-03-01');
    expect(check('2025-03-01', rec).verdict).not.toBe('blocked');
  });

  it('other lengths from 2024-02-29 and from a 31st', () => {
    expect(periodClearsOn('2024-02-29', 6, 'months')).toBe('2024-08-29');
    expect(periodClearsOn('2024-02-29', 24, 'months')).toBe('2026-03-01');
    expect(periodClearsOn('2024-02-29', 48, 'months')).toBe('2028-02-29');
    expect(periodClearsOn('2024-02-29', 2, 'years')).toBe('2026-03-01');
    expect(periodClearsOn('2025-08-31', 6, 'months')).toBe('2026-03-01');
    expect(periodClearsOn('2023-08-31', 6, 'months')).toBe('2024-03-01');
    expect(periodClearsOn('2025-01-31', 3, 'months')).toBe('2025-05-01');
    expect(periodClearsOn('2025-03-15', 1.5, 'years')).toBe('2026-09-15');
    expect(periodClearsOn('2025-03-15', 30, 'days')).toBe('2025-04-14');
  });

  it('an admonition from 2024-02-29: blocked through 2024-08-28, clears 2024-08-29', () => {
    const rec = { admonitions: [{ effectiveFrom: '2024-02-29' }] };
    expect(check('2024-08-28', rec).reasons[0].clearsOn).toBe('2024-08-29');
    expect(check('2024-08-29', rec).verdict).not.toBe('blocked');
  });
});
