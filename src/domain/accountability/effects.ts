import type { CadreRecords } from '../cadre-records.js';
import { periodClearsOn } from '../effect-period.js';
import { effectRuleKey, sanctionFamily } from './kinds.js';

/** A sanction as the eligibility reads it: in force from `effectiveFrom` until `endsOn` (changed or lifted). */
export interface SanctionFact {
  kind: string;
  label: string;
  effectiveFrom: string;
  /** The day a change or lift on 申诉/复查 took it out of force; null while in force. */
  endsOn: string | null;
  /** For 年度考核不称职: the year whose grade it sets. */
  gradeYear?: number | null;
  /** The record's title, for the 奖惩情况 line. */
  cause: string;
}

/**
 * What a cadre's sanctions of records in force mean for the promotion rules (cadre-records.ts):
 * 党纪 / 政务处分 as sanctions, 组织处理 as organizational measures, 年度考核不称职 as that year's
 * grade, each with its end when it was changed or lifted; every one as a 奖惩情况 line. 诫勉 is left
 * to the admonition it opens (it carries the effect and its release); education kinds and 撤销任免决定
 * do not bar promotion.
 */
export function cadreRecordsOf(facts: SanctionFact[]): Partial<CadreRecords> {
  const out: Required<
    Pick<CadreRecords, 'sanctions' | 'orgMeasures' | 'annualGrades' | 'rewardsAndPunishments'>
  > = { sanctions: [], orgMeasures: [], annualGrades: [], rewardsAndPunishments: [] };
  for (const f of facts) {
    const family = sanctionFamily(f.kind);
    const key = effectRuleKey(f.kind);
    const period = {
      effectiveFrom: f.effectiveFrom,
      title: f.label,
      ...(f.endsOn ? { endsOn: f.endsOn } : {}),
    };
    if (family === 'party' || family === 'government')
      out.sanctions.push({ ...period, kind: key.slice('sanction.'.length) });
    else if (family === 'org_measure')
      out.orgMeasures.push({ ...period, kind: key.slice('org_measure.'.length) });
    else if (family === 'annual_grade' && !f.endsOn)
      out.annualGrades.push({ year: f.gradeYear ?? Number(f.effectiveFrom.slice(0, 4)), grade: '不称职' });
    if (!f.endsOn)
      out.rewardsAndPunishments.push({
        date: f.effectiveFrom,
        text: `${rpDate(f.effectiveFrom)}因${f.cause}受到${f.label}`,
      });
  }
  return out;
}

const rpDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月`;

/**
 * The first day a sanction no longer bars promotion, by its rule's value: null when it never bars
 * (a period of 0: the education kinds, 撤销任免决定) or is not a period (年度考核不称职).
 */
export function effectEnd(
  effectiveFrom: string,
  rule: { value: unknown; unit?: string } | undefined,
): string | null {
  if (!rule) return null;
  if (typeof rule.value !== 'number' || rule.value <= 0) return null;
  return periodClearsOn(effectiveFrom, rule.value, rule.unit ?? 'months');
}
