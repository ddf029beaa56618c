/**
 * What the modules know about a cadre that the promotion rules and the 任免审批表 read. The server's
 * provider interface (src/server/modules/cadres/providers.ts) fills it; the domain only reads it.
 */
export type AnnualGrade = '优秀' | '称职' | '基本称职' | '不称职';

/**
 * A record that bars promotion from `effectiveFrom` for its rule's period; `endsOn` is the day it was
 * taken out of force early (a sanction changed or lifted on 申诉/复查, an admonition released), if so.
 */
export interface PeriodRecord {
  effectiveFrom: string;
  title?: string;
  endsOn?: string;
}

/** The records the eligibility rules read; each module fills its part. */
export interface CadreRecords {
  annualGrades: { year: number; grade: AnnualGrade }[];
  /** 诫勉: blocks promotion from the date it takes effect for the rule's period. */
  admonitions: PeriodRecord[];
  /** 党纪 / 政务处分, kind = the rule key suffix: party.warning, party.serious_warning, government.demerit … */
  sanctions: (PeriodRecord & { kind: string })[];
  /** 组织处理, kind = org_measure rule suffix: transfer, removal, removal_higher, demotion */
  orgMeasures: (PeriodRecord & { kind: string })[];
  /** 奖惩情况 lines for the 任免审批表. */
  rewardsAndPunishments: { date: string; text: string }[];
}

export const emptyRecords = (): CadreRecords => ({
  annualGrades: [],
  admonitions: [],
  sanctions: [],
  orgMeasures: [],
  rewardsAndPunishments: [],
});
