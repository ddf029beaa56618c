import { describe, expect, it } from 'vitest';
import { RULE_DEFAULTS } from '../server/platform/rules/defaults.js';
import { emptyRecords } from './cadre-records.js';
import {
  type EligibilityInput,
  promotionEligibility,
  type RuleRef,
  type TenureFact,
} from './promotion-eligibility.js';
import { nextStepUp } from './promotion-ladder.js';

const DEFAULTS: Record<string, RuleRef> = Object.fromEntries(
  RULE_DEFAULTS.map((r) => [r.key, { value: r.value, name: r.name, source: r.source, unit: r.unit }]),
);
const post = (
  level: string,
  isPrincipal: boolean,
  startDate: string,
  more: Partial<TenureFact> = {},
): TenureFact => ({
  title: more.title ?? `${level}${isPrincipal ? '正职' : '副职'}`,
  level,
  isPrincipal,
  startDate,
  endDate: null,
  probationEnd: null,
  ...more,
});
const check = (onDate: string, tenures: TenureFact[], more: Partial<EligibilityInput> = {}) =>
  promotionEligibility({ onDate, tenures, records: emptyRecords(), rules: DEFAULTS, ...more });

describe('the ladder', () => {
  it('next step up: deputy → principal of the band, principal → deputy one rung up', () => {
    expect(nextStepUp({ level: 'middle_deputy', isPrincipal: false })).toEqual({
      level: 'middle_principal',
      isPrincipal: true,
    });
    expect(nextStepUp({ level: 'middle_principal', isPrincipal: true })).toEqual({
      level: 'fuke',
      isPrincipal: false,
    });
    expect(nextStepUp({ level: 'fuke', isPrincipal: false })).toEqual({
      level: 'zhengke',
      isPrincipal: true,
    });
    expect(nextStepUp({ level: 'zhengke', isPrincipal: true })).toBeNull();
    expect(nextStepUp({ level: 'village', isPrincipal: true })).toBeNull();
  });
});

describe('minimum time in post', () => {
  it('deputy → principal needs 2 years: the day before is blocked, the day it completes is not', () => {
    const t = [post('fuke', false, '2024-03-01', { title: '副镇长' })];
    const e = check('2026-02-28', t);
    expect(e.target).toEqual({ level: 'zhengke', isPrincipal: true });
    expect(e.reasons).toEqual([
      {
        code: 'min_tenure',
        message: '自 2024-03-01 起任副科副职（现任副镇长），提任正科正职须任满 2 年',
        rule: {
          key: 'promotion.min_tenure.deputy_to_principal',
          name: '副职提任正职最低任职年限',
          source: DEFAULTS['promotion.min_tenure.deputy_to_principal'].source,
        },
        since: '2024-03-01',
        clearsOn: '2026-03-01',
      },
    ]);
    expect(check('2026-03-01', t).verdict).not.toBe('blocked');
  });

  it('中层副职 → 中层正职 is deputy → principal too', () => {
    const t = [post('middle_deputy', false, '2025-01-01')];
    expect(check('2026-12-31', t).reasons[0].clearsOn).toBe('2027-01-01');
    expect(check('2027-01-01', t).verdict).not.toBe('blocked');
  });

  it('lower principal → higher deputy needs 3 years', () => {
    const t = [post('middle_principal', true, '2023-06-15', { title: '党政办主任' })];
    const e = check('2026-06-14', t);
    expect(e.target).toEqual({ level: 'fuke', isPrincipal: false });
    expect(e.reasons[0]).toMatchObject({
      code: 'min_tenure',
      rule: { key: 'promotion.min_tenure.principal_to_higher_deputy' },
      clearsOn: '2026-06-15',
    });
    expect(check('2026-06-15', t).verdict).not.toBe('blocked');
  });

  it('a post taken up on 2024-02-29 completes 2 years on 2026-03-01', () => {
    const t = [post('fuke', false, '2024-02-29')];
    expect(check('2026-02-28', t).reasons[0].clearsOn).toBe('2026-03-01');
    expect(check('2026-03-01', t).verdict).not.toBe('blocked');
  });

  it('a changed rule value changes the date', () => {
    const t = [post('fuke', false, '2024-03-01')];
    const key = 'promotion.min_tenure.deputy_to_principal';
    const rules = { ...DEFAULTS, [key]: { ...DEFAULTS[key], value: 2.5 } };
    expect(check('2026-03-01', t, { rules }).reasons[0]).toMatchObject({ clearsOn: '2026-09-01' });
    expect(check('2026-03-01', t, { rules }).reasons[0].message).toContain('须任满 2.5 年');
  });

  it('time at the same rank without a break counts; a gap starts it again', () => {
    const a = post('fuke', false, '2023-01-01', { endDate: '2024-06-30' });
    expect(check('2025-01-01', [a, post('fuke', false, '2024-07-01')]).verdict).not.toBe('blocked');
    const late = check('2025-01-01', [a, post('fuke', false, '2024-08-01')]);
    expect(late.reasons[0]).toMatchObject({ since: '2024-08-01', clearsOn: '2026-08-01' });
    // a different rank before does not count
    expect(
      check('2025-01-01', [{ ...a, isPrincipal: true }, post('fuke', false, '2024-07-01')]).verdict,
    ).toBe('blocked');
  });

  it('an explicit target decides the rule; moves the table does not name need none', () => {
    const deputy = [post('fuke', false, '2025-06-01')];
    expect(check('2026-01-01', deputy, { target: { level: 'fuke', isPrincipal: false } }).verdict).not.toBe(
      'blocked',
    );
    expect(check('2026-01-01', deputy, { target: { level: 'fuke', isPrincipal: true } }).verdict).toBe(
      'blocked',
    );
    const head = [post('middle_principal', true, '2025-06-01')];
    expect(
      check('2026-01-01', head, { target: { level: 'middle_principal', isPrincipal: true } }).verdict,
    ).not.toBe('blocked');
    expect(check('2026-01-01', [post('zhengke', true, '2025-06-01')]).target).toBeNull();
    expect(check('2026-01-01', [post('village', true, '2025-06-01')]).verdict).not.toBe('blocked');
  });

  it('a post that has ended is not the current one', () => {
    const t = [post('fuke', false, '2025-06-01', { endDate: '2025-12-31' })];
    expect(check('2026-01-01', t)).toMatchObject({
      verdict: 'undetermined',
      reasons: [],
      current: null,
      target: null,
    });
  });
});

describe('probation', () => {
  const t = [post('fuke', false, '2023-06-01', { title: '副镇长', probationEnd: '2024-05-31' })];

  it('blocks through the last day of probation and clears the day after', () => {
    const e = check('2024-05-31', t, { target: { level: 'fuke', isPrincipal: false } });
    expect(e.reasons).toEqual([
      {
        code: 'probation',
        message: '副镇长试用期至 2024-05-31，试用期内不得提拔',
        rule: {
          key: 'appointment.probation',
          name: '试用期',
          source: DEFAULTS['appointment.probation'].source,
        },
        since: '2023-06-01',
        clearsOn: '2024-06-01',
      },
    ]);
    expect(check('2024-06-01', t, { target: { level: 'fuke', isPrincipal: false } }).verdict).not.toBe(
      'blocked',
    );
  });

  it('a post left during probation no longer counts', () => {
    expect(check('2024-01-01', [{ ...t[0], endDate: '2023-12-31' }]).verdict).not.toBe('blocked');
  });
});

describe('several reasons at once', () => {
  it('lists every one, each with its own date', () => {
    const e = promotionEligibility({
      onDate: '2026-03-02',
      tenures: [post('middle_deputy', false, '2025-09-01', { probationEnd: '2026-08-31' })],
      records: {
        ...emptyRecords(),
        annualGrades: [{ year: 2025, grade: '基本称职' }],
        admonitions: [{ effectiveFrom: '2026-01-05' }],
        sanctions: [{ kind: 'party.warning', effectiveFrom: '2025-11-20' }],
        orgMeasures: [{ kind: 'transfer', effectiveFrom: '2025-08-01' }],
      },
      rules: DEFAULTS,
    });
    expect(e.verdict).toBe('blocked');
    expect(e.reasons.map((r) => [r.code, r.clearsOn])).toEqual([
      ['annual_grade', null],
      ['org_measure', '2026-08-01'],
      ['sanction', '2026-11-20'],
      ['admonition', '2026-07-05'],
      ['min_tenure', '2027-09-01'],
      ['probation', '2026-09-01'],
    ]);
  });
});
