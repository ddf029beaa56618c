import { describe, expect, it } from 'vitest';
import { RULE_DEFAULTS } from '../server/platform/rules/defaults.js';
import { type CadreRecords, emptyRecords } from './cadre-records.js';
import { promotionEligibility, type RuleRef, type TenureFact } from './promotion-eligibility.js';

const DEFAULTS: Record<string, RuleRef> = Object.fromEntries(
  RULE_DEFAULTS.map((r) => [r.key, { value: r.value, name: r.name, source: r.source, unit: r.unit }]),
);
const post = (
  level: string | null,
  isPrincipal: boolean,
  startDate: string,
  title = '副镇长',
): TenureFact => ({
  title,
  level,
  isPrincipal,
  startDate,
  endDate: null,
  probationEnd: null,
});
const graded = (year: number): Partial<CadreRecords> => ({ annualGrades: [{ year, grade: '称职' }] });
const check = (tenures: TenureFact[], rec: Partial<CadreRecords> = graded(2025), onDate = '2026-03-02') =>
  promotionEligibility({ onDate, tenures, records: { ...emptyRecords(), ...rec }, rules: DEFAULTS });

describe('无法判断: a fact the rules need is missing', () => {
  it('every fact present and nothing blocking: 符合', () => {
    expect(check([post('fuke', false, '2023-01-01')])).toMatchObject({
      eligible: true,
      verdict: 'eligible',
      missing: [],
    });
  });

  it('a post without a level (every roster and .lrmx import) is never 符合: the tenure check could not run', () => {
    const e = check([post(null, false, '2023-01-01')]);
    expect(e).toMatchObject({ eligible: false, verdict: 'undetermined', reasons: [] });
    expect(e.missing).toEqual([
      { code: 'post_level', message: '现任职务“副镇长”未填写职务层次，无法判断任职年限和拟提任层次' },
    ]);
  });

  it('no post on the date, or no step up to judge against, says so', () => {
    expect(check([]).missing.map((m) => m.code)).toEqual(['no_current_post']);
    const village = check([post('village', true, '2020-01-01', '村党支部书记')]);
    expect(village.verdict).toBe('undetermined');
    expect(village.missing[0]).toEqual({
      code: 'target',
      message: '现任村（社区）干部正职没有可推定的上一级职务层次，请选择拟任职务层次后再判断',
    });
    const chosen = promotionEligibility({
      onDate: '2026-03-02',
      tenures: [post('village', true, '2020-01-01', '村党支部书记')],
      target: { level: 'fuke', isPrincipal: false },
      records: { ...emptyRecords(), ...graded(2025) },
      rules: DEFAULTS,
    });
    expect(chosen.verdict).toBe('eligible');
  });

  it('no annual grade of last year or the year before: the grade rule could not be checked', () => {
    expect(check([post('fuke', false, '2023-01-01')], {}).missing).toEqual([
      { code: 'annual_grade', message: '2025 年度考核结果未录入，无法判断上年度考核是否影响提拔' },
    ]);
    // early in the year last year's review may not be done: the year before's grade still answers
    expect(check([post('fuke', false, '2023-01-01')], graded(2024)).verdict).toBe('eligible');
  });

  it('a blocking reason decides even when something else is missing', () => {
    const e = check([post(null, false, '2023-01-01')], {
      ...graded(2025),
      admonitions: [{ effectiveFrom: '2026-01-10' }],
    });
    expect(e.verdict).toBe('blocked');
    expect(e.reasons.map((r) => r.code)).toEqual(['admonition']);
    expect(e.missing.map((m) => m.code)).toEqual(['post_level']);
  });
});
