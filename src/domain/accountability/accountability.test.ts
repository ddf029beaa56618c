import { describe, expect, it } from 'vitest';
import { RULE_DEFAULTS } from '../../server/platform/rules/defaults.js';
import { emptyRecords } from '../cadre-records.js';
import { promotionEligibility, type RuleRef } from '../promotion-eligibility.js';
import { ruleValueProblem } from '../rule-values.js';
import { type RuleVersion, ruleInForce } from '../rules.js';
import { cadreRecordsOf, effectEnd, type SanctionFact } from './effects.js';
import { DEFAULT_LADDER, effectRuleKey, SANCTION_KIND_DEFAULTS, sanctionFamily } from './kinds.js';
import { nextStatus, recordDatesProblem, sanctionReviewProblem } from './transitions.js';

const DEFAULTS: Record<string, RuleRef> = Object.fromEntries(
  RULE_DEFAULTS.map((r) => [r.key, { value: r.value, name: r.name, source: r.source, unit: r.unit }]),
);

const fact = (kind: string, effectiveFrom: string, endsOn: string | null = null): SanctionFact => ({
  kind,
  label: SANCTION_KIND_DEFAULTS.find(([c]) => c === kind)?.[1] ?? kind,
  effectiveFrom,
  endsOn,
  cause: '计生工作失职',
});

const eligibility = (onDate: string, facts: SanctionFact[], rules = DEFAULTS) =>
  promotionEligibility({
    onDate,
    tenures: [],
    records: { ...emptyRecords(), ...cadreRecordsOf(facts) },
    rules,
  });

describe('status transitions', () => {
  it('a draft is edited, confirmed or dismissed; a record in force or dismissed is not', () => {
    expect(nextStatus('draft', 'confirm')).toEqual({ to: 'in_force' });
    expect(nextStatus('draft', 'dismiss')).toEqual({ to: 'dismissed' });
    expect(nextStatus('draft', 'edit')).toEqual({ to: 'draft' });
    for (const action of ['edit', 'confirm', 'dismiss'] as const) {
      expect(nextStatus('in_force', action)).toHaveProperty('problem');
      expect(nextStatus('dismissed', action)).toHaveProperty('problem');
    }
    expect((nextStatus('in_force', 'edit') as { problem: string }).problem).toBe(
      '该追究事项已生效，不能修改',
    );
  });

  it('a sanction is changed or lifted only while in force, on a record in force, between its start and today', () => {
    const base = {
      recordStatus: 'in_force' as const,
      sanctionStatus: 'in_force' as const,
      effectiveFrom: '2025-06-01',
      on: '2025-09-01',
      today: '2025-10-01',
    };
    expect(sanctionReviewProblem(base)).toBeNull();
    expect(sanctionReviewProblem({ ...base, recordStatus: 'draft' })?.field).toBe('sanctionId');
    expect(sanctionReviewProblem({ ...base, sanctionStatus: 'lifted' })?.message).toContain('已变更或撤销');
    expect(sanctionReviewProblem({ ...base, on: '2025-10-02' })).toMatchObject({ field: 'on' });
    expect(sanctionReviewProblem({ ...base, on: '2025-05-31' })?.message).toContain('2025-06-01');
  });

  it('dates: no decision or sanction in the future, none before the decision; confirming needs the date', () => {
    const today = '2025-10-01';
    expect(recordDatesProblem({ decidedOn: null, sanctions: [], today, confirming: false })).toBeNull();
    expect(recordDatesProblem({ decidedOn: null, sanctions: [], today, confirming: true })?.field).toBe(
      'decidedOn',
    );
    expect(
      recordDatesProblem({ decidedOn: '2025-10-02', sanctions: [], today, confirming: false }),
    ).toMatchObject({
      field: 'decidedOn',
      message: '决定日期不能晚于今天',
    });
    const s = [{ effectiveFrom: '2025-09-01' }, { effectiveFrom: '2025-08-01' }];
    expect(recordDatesProblem({ decidedOn: '2025-08-15', sanctions: s, today, confirming: true })).toEqual({
      field: 'sanctions.1.effectiveFrom',
      message: '处理生效日期不能早于决定日期',
    });
    expect(
      recordDatesProblem({
        decidedOn: null,
        sanctions: [{ effectiveFrom: '2025-12-01' }],
        today,
        confirming: false,
      })?.field,
    ).toBe('sanctions.0.effectiveFrom');
  });
});

describe('sanction kinds and their effect rules', () => {
  it('every built-in kind has a seeded effect rule; the families map to the eligibility keys', () => {
    const seeded = new Set(RULE_DEFAULTS.map((r) => r.key));
    for (const [code] of SANCTION_KIND_DEFAULTS) expect(seeded, code).toContain(effectRuleKey(code));
    expect(effectRuleKey('party_warning')).toBe('sanction.party.warning');
    expect(effectRuleKey('government_major_demerit')).toBe('sanction.government.major_demerit');
    expect(effectRuleKey('org_removal_higher')).toBe('org_measure.removal_higher');
    expect(effectRuleKey('admonition')).toBe('admonition.promotion_block');
    expect(effectRuleKey('grade_incompetent')).toBe('promotion.blocking_grades');
    expect(effectRuleKey('public_review')).toBe('accountability.effect.public_review');
    // a kind an administrator adds names the rule it needs
    expect(effectRuleKey('org_ordered_resignation')).toBe('org_measure.ordered_resignation');
    expect(sanctionFamily('revoke_appointment')).toBe('revoke_appointment');
  });

  it('the default ladder is a valid rule value and names only known kinds', () => {
    expect(ruleValueProblem('ladder', DEFAULT_LADDER)).toBeNull();
    const known = new Set(SANCTION_KIND_DEFAULTS.map(([c]) => c));
    for (const steps of Object.values(DEFAULT_LADDER))
      for (const kinds of Object.values(steps)) for (const k of kinds ?? []) expect(known).toContain(k);
    expect(Object.keys(DEFAULT_LADDER)).toHaveLength(8);
    expect(ruleValueProblem('ladder', { wrong_decision: { worst: ['x'] } })).toContain('worst');
    expect(ruleValueProblem('ladder', [])).not.toBeNull();
  });

  it('effect ends by the rule: 0 never bars, a period counts its first day', () => {
    expect(effectEnd('2025-03-15', { value: 0, unit: 'months' })).toBeNull();
    expect(effectEnd('2025-03-15', { value: 12, unit: 'months' })).toBe('2026-03-15');
    expect(effectEnd('2025-03-15', { value: 1.5, unit: 'years' })).toBe('2026-09-15');
    expect(effectEnd('2025-03-15', undefined)).toBeNull();
  });
});

describe('eligibility from sanctions', () => {
  it('a 党纪警告 bars promotion for exactly one year by the default rule', () => {
    const facts = [fact('party_warning', '2025-06-10')];
    const during = eligibility('2026-06-09', facts);
    expect(during.reasons).toHaveLength(1);
    expect(during.reasons[0]).toMatchObject({
      code: 'sanction',
      rule: { key: 'sanction.party.warning' },
      since: '2025-06-10',
      clearsOn: '2026-06-10',
    });
    expect(eligibility('2026-06-10', facts).reasons).toEqual([]);
  });

  it('reads the rule version in force: a later version changes the result from its date', () => {
    const versions: RuleVersion[] = [
      {
        key: 'sanction.party.warning',
        version: 1,
        value: 12,
        unit: 'months',
        source: 'v1',
        effectiveFrom: '2000-01-01',
        effectiveTo: '2025-12-31',
      },
      {
        key: 'sanction.party.warning',
        version: 2,
        value: 24,
        unit: 'months',
        source: 'v2',
        effectiveFrom: '2026-01-01',
        effectiveTo: null,
      },
    ];
    const at = (d: string) => {
      const v = ruleInForce(versions, 'sanction.party.warning', d)!;
      return {
        ...DEFAULTS,
        'sanction.party.warning': { value: v.value, name: '党纪警告影响期', source: v.source, unit: v.unit },
      };
    };
    const facts = [fact('party_warning', '2025-03-01')];
    expect(eligibility('2025-12-31', facts, at('2025-12-31')).reasons[0].clearsOn).toBe('2026-03-01');
    expect(eligibility('2026-03-01', facts, at('2026-03-01')).reasons[0]).toMatchObject({
      clearsOn: '2027-03-01',
      rule: { source: 'v2' },
    });
  });

  it('a sanction changed or lifted on appeal bars only until the day it was taken out of force', () => {
    // 记大过 from 2025-01-10 changed on appeal on 2025-05-01 to 警告 (政务), counted from the same day
    const facts = [
      fact('government_major_demerit', '2025-01-10', '2025-05-01'),
      fact('government_warning', '2025-01-10'),
    ];
    const before = eligibility('2025-04-30', facts);
    expect(before.reasons.map((r) => r.rule.key)).toEqual([
      'sanction.government.major_demerit',
      'sanction.government.warning',
    ]);
    expect(before.reasons[0].clearsOn).toBe('2025-05-01');
    const after = eligibility('2025-05-01', facts);
    expect(after.reasons.map((r) => [r.rule.key, r.clearsOn])).toEqual([
      ['sanction.government.warning', '2025-07-10'],
    ]);
    expect(eligibility('2025-07-10', facts).reasons).toEqual([]);
    // lifted altogether: nothing from that day on, and no 奖惩 line
    const lifted = [fact('party_warning', '2025-01-10', '2025-03-01')];
    expect(eligibility('2025-03-01', lifted).reasons).toEqual([]);
    expect(cadreRecordsOf(lifted).rewardsAndPunishments).toEqual([]);
  });

  it('组织处理 as a measure, 年度考核不称职 as the year’s grade; education kinds and 诫勉 add no period', () => {
    const r = cadreRecordsOf([
      fact('org_demotion', '2025-02-01'),
      fact('grade_incompetent', '2025-12-20'),
      fact('public_review', '2025-02-01'),
      fact('admonition', '2025-02-01'),
      fact('revoke_appointment', '2025-02-01'),
    ]);
    expect(r.orgMeasures).toEqual([{ kind: 'demotion', effectiveFrom: '2025-02-01', title: '降职' }]);
    expect(r.annualGrades).toEqual([{ year: 2025, grade: '不称职' }]);
    expect(r.sanctions).toEqual([]);
    expect(r.admonitions).toBeUndefined();
    expect(r.rewardsAndPunishments?.map((l) => l.text)).toContain('2025年2月因计生工作失职受到上台检讨');
    const e = eligibility('2026-03-01', [fact('grade_incompetent', '2025-12-20')]);
    expect(e.reasons.map((x) => x.code)).toEqual(['annual_grade']);
  });
});
