import type { CadreRecords } from './cadre-records.js';
import { nextStepUp, type PostLevel } from './promotion-ladder.js';
import { type MissingFact, missingFacts } from './promotion-missing.js';
import { gradeReasons, minTenureReasons, periodReasons, probationReasons } from './promotion-reasons.js';
import { currentTenure, type TenureFact, timeInRank } from './promotion-records.js';

export type { MissingFact } from './promotion-missing.js';
export type { TenureFact } from './promotion-records.js';

/** A rule version in force, as the caller hands it over (from the rules service). */
export interface RuleRef {
  value: unknown;
  name: string;
  source: string;
  unit?: string;
}

export interface EligibilityInput {
  onDate: string;
  tenures: TenureFact[];
  /** The post considered; when absent, the next step up from the current post. */
  target?: PostLevel;
  records: CadreRecords;
  /** Rule versions in force on onDate, by key: ELIGIBILITY_RULE_KEYS and every key under the prefixes. */
  rules: Record<string, RuleRef>;
}

export type ReasonCode =
  | 'annual_grade'
  | 'admonition'
  | 'sanction'
  | 'org_measure'
  | 'min_tenure'
  | 'probation';

export interface BlockingReason {
  code: ReasonCode;
  message: string;
  rule: { key: string; name: string; source: string };
  since?: string;
  /** The first day the reason no longer applies; null when time alone does not clear it. */
  clearsOn: string | null;
}

/** 符合 / 暂不符合 / 无法判断: a blocking reason decides; without one, a missing fact leaves it open. */
export type Verdict = 'eligible' | 'blocked' | 'undetermined';

export interface Eligibility {
  /** True only when every rule could be checked and none blocks. */
  eligible: boolean;
  verdict: Verdict;
  onDate: string;
  current: { title: string; level: string | null; isPrincipal: boolean; since: string } | null;
  target: PostLevel | null;
  reasons: BlockingReason[];
  /** What the rules needed and the records lack (empty when the answer is complete). */
  missing: MissingFact[];
}

export const ELIGIBILITY_RULE_KEYS = [
  'promotion.blocking_grades',
  'promotion.min_tenure.deputy_to_principal',
  'promotion.min_tenure.principal_to_higher_deputy',
  'admonition.promotion_block',
  'appointment.probation',
] as const;
export const ELIGIBILITY_RULE_PREFIXES = ['sanction.party.', 'sanction.government.', 'org_measure.'] as const;

/**
 * Whether a cadre may be considered for promotion on a date (党政领导干部选拔任用工作条例 第二十四条
 * and 第九条), and if not, every reason, the rule it comes from and the first day it no longer applies.
 * Periods count their first day; see effect-period.ts for the exact convention.
 */
export function promotionEligibility(input: EligibilityInput): Eligibility {
  const { onDate, records, rules, tenures } = input;
  const cur = currentTenure(tenures, onDate);
  const target =
    input.target ?? (cur?.level ? nextStepUp({ level: cur.level, isPrincipal: cur.isPrincipal }) : null);
  const reasons = [
    ...gradeReasons(records, rules, onDate),
    ...periodReasons(records, rules, onDate),
    ...minTenureReasons(tenures, cur, target, rules, onDate),
    ...probationReasons(tenures, rules, onDate),
  ];
  const missing = missingFacts(onDate, cur, target, records);
  const verdict: Verdict = reasons.length ? 'blocked' : missing.length ? 'undetermined' : 'eligible';
  return {
    eligible: verdict === 'eligible',
    verdict,
    onDate,
    current: cur
      ? { title: cur.title, level: cur.level, isPrincipal: cur.isPrincipal, since: timeInRank(tenures, cur) }
      : null,
    target,
    reasons,
    missing,
  };
}
