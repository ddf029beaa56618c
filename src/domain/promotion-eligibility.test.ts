import { describe, expect, it } from 'vitest';
import { RULE_DEFAULTS } from '../server/platform/rules/defaults.js';
import { type CadreRecords, emptyRecords } from './cadre-records.js';
import { type EligibilityInput, promotionEligibility, type RuleRef } from './promotion-eligibility.js';

/** The seeded defaults (domain.md's rules table), as the server hands them over. */
const DEFAULTS: Record<string, RuleRef> = Object.fromEntries(
  RULE_DEFAULTS.map((r) => [r.key, { value: r.value, name: r.name, source: r.source, unit: r.unit }]),
);

const check = (onDate: string, more: Partial<EligibilityInput> & { rec?: Partial<CadreRecords> } = {}) =>
  promotionEligibility({
    onDate,
    tenures: more.tenures ?? [],
    target: more.target,
    records: { ...emptyRecords(), ...more.rec },
    rules: more.rules ?? DEFAULTS,
  });
const withRule = (key: string, value: unknown) => ({ ...DEFAULTS, [key]: { ...DEFAULTS[key], value } });

describe('promotion eligibility: no records', () => {
  it('a cadre with no records and no post cannot be judged, and the answer says what is missing', () => {
    expect(check('2026-03-02')).toEqual({
      eligible: false,
      verdict: 'undetermined',
      onDate: '2026-03-02',
      current: null,
      target: null,
      reasons: [],
      missing: [
        { code: 'no_current_post', message: '2026-03-02 无在任职务记录，无法判断任职年限' },
        { code: 'annual_grade', message: '2025 年度考核结果未录入，无法判断上年度考核是否影响提拔' },
      ],
    });
  });
});

describe('last year’s annual grade (第二十四条)', () => {
  const grades = (...g: [number, string][]) => ({
    rec: { annualGrades: g.map(([year, grade]) => ({ year, grade: grade as any })) },
  });

  it('基本称职 or 不称职 last year blocks until a new grade exists, with no date', () => {
    for (const grade of ['基本称职', '不称职']) {
      const e = check('2026-03-02', grades([2025, grade]));
      expect(e.verdict).toBe('blocked');
      expect(e.reasons).toEqual([
        {
          code: 'annual_grade',
          message: `2025 年度考核结果为${grade}，需有新的年度考核结果后方可提拔`,
          rule: {
            key: 'promotion.blocking_grades',
            name: '不得提拔的上年度考核等次',
            source: '党政领导干部选拔任用工作条例 第二十四条',
          },
          clearsOn: null,
        },
      ]);
    }
  });

  it('称职 and 优秀 do not block; an older poor grade does not once last year’s is recorded', () => {
    expect(check('2026-03-02', grades([2025, '称职'])).verdict).not.toBe('blocked');
    expect(check('2026-03-02', grades([2025, '优秀'])).verdict).not.toBe('blocked');
    expect(check('2026-03-02', grades([2024, '基本称职'], [2025, '称职'])).verdict).not.toBe('blocked');
    expect(check('2026-03-02', grades([2023, '不称职'])).verdict).not.toBe('blocked');
  });

  it('the poor grade stays the latest result until last year’s review is recorded', () => {
    expect(check('2027-01-10', grades([2025, '基本称职'])).reasons[0].message).toContain('2025 年度');
    expect(check('2027-01-10', grades([2025, '基本称职'], [2026, '称职'])).verdict).not.toBe('blocked');
  });

  it('reads the blocking grades from the rule version in force', () => {
    const rules = withRule('promotion.blocking_grades', ['不称职']);
    expect(check('2026-03-02', { ...grades([2025, '基本称职']), rules }).verdict).not.toBe('blocked');
    expect(check('2026-03-02', { ...grades([2025, '不称职']), rules }).verdict).toBe('blocked');
  });
});

describe('诫勉 effect period', () => {
  const adm = { rec: { admonitions: [{ effectiveFrom: '2025-03-15' }] } };

  it('blocks from the day it takes effect through the day before the period ends', () => {
    expect(check('2025-03-14', adm).verdict).not.toBe('blocked');
    const first = check('2025-03-15', adm);
    expect(first.reasons).toEqual([
      {
        code: 'admonition',
        message: '诫勉（2025-03-15 起）影响期 6 个月，2025-09-14 期满前不得提拔',
        rule: {
          key: 'admonition.promotion_block',
          name: '诫勉影响期',
          source: DEFAULTS['admonition.promotion_block'].source,
        },
        since: '2025-03-15',
        clearsOn: '2025-09-15',
      },
    ]);
    expect(check('2025-09-14', adm).verdict).toBe('blocked'); // the day before it clears
    expect(check('2025-09-15', adm).verdict).not.toBe('blocked'); // the day it clears
  });

  it('a different rule version gives a different date', () => {
    const e = check('2025-10-01', { ...adm, rules: withRule('admonition.promotion_block', 12) });
    expect(e.reasons[0].clearsOn).toBe('2026-03-15');
    expect(e.reasons[0].message).toContain('影响期 12 个月');
    expect(
      check('2025-06-15', { ...adm, rules: withRule('admonition.promotion_block', 3) }).verdict,
    ).not.toBe('blocked');
  });

  it('uses the record’s own title when it has one', () => {
    const rec = { admonitions: [{ effectiveFrom: '2025-03-15', title: '诫勉谈话（民主测评）' }] };
    expect(check('2025-04-01', { rec }).reasons[0].message).toMatch(/^诫勉谈话（民主测评）（2025-03-15 起）/);
  });
});
