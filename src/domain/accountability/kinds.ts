/**
 * The accountability register (责任追究): kinds of record, their statuses, and the sanction kinds
 * with the rule each one's effect period is read from. Sanction kinds are dictionary items
 * (`accountability_sanction`): the code says which family a kind belongs to, and so which rule key
 * holds its effect on promotion (an administrator who adds a kind must add its rule too).
 */
export const RECORD_KINDS = {
  selection_oversight: '选人用人失察',
  inspection_error: '考察失误',
  work_error: '工作失误',
  last_place: '末位',
  other: '其他',
} as const;
export type RecordKind = keyof typeof RECORD_KINDS;
export const RECORD_KIND_CODES = Object.keys(RECORD_KINDS) as RecordKind[];

export const RECORD_STATUSES = {
  draft: '待确认',
  in_force: '已生效',
  dismissed: '不予追究',
} as const;
export type RecordStatus = keyof typeof RECORD_STATUSES;

export const SANCTION_STATUSES = {
  in_force: '有效',
  changed: '已变更',
  lifted: '已撤销',
} as const;
export type SanctionStatus = keyof typeof SANCTION_STATUSES;

/** Families of sanction kinds, by code prefix: they say where a kind's effect goes. */
export type SanctionFamily =
  | 'education' // 点名批评, 书面检讨, 上台检讨, 通报: no effect on promotion
  | 'admonition' // 诫勉: opens an admonition, which carries the effect
  | 'org_measure' // 组织处理
  | 'party' // 党纪处分
  | 'government' // 政务处分
  | 'annual_grade' // 年度考核不称职
  | 'revoke_appointment'; // 撤销任免决定: ends the tenures it names

export const SANCTION_FAMILIES: Record<SanctionFamily, string> = {
  education: '批评教育',
  admonition: '诫勉',
  org_measure: '组织处理',
  party: '党纪处分',
  government: '政务处分',
  annual_grade: '年度考核',
  revoke_appointment: '撤销任免决定',
};

export function sanctionFamily(code: string): SanctionFamily {
  if (code === 'admonition') return 'admonition';
  if (code === 'grade_incompetent') return 'annual_grade';
  if (code === 'revoke_appointment') return 'revoke_appointment';
  if (code.startsWith('party_')) return 'party';
  if (code.startsWith('government_')) return 'government';
  if (code.startsWith('org_')) return 'org_measure';
  return 'education';
}

/**
 * The rule (platform/rules) holding a sanction kind's effect on promotion: the eligibility keys
 * where they exist (sanction.party.*, sanction.government.*, org_measure.*, admonition.promotion_block,
 * promotion.blocking_grades), `accountability.effect.<code>` for the kinds without one.
 */
export function effectRuleKey(code: string): string {
  switch (sanctionFamily(code)) {
    case 'admonition':
      return 'admonition.promotion_block';
    case 'annual_grade':
      return 'promotion.blocking_grades';
    case 'party':
      return `sanction.party.${code.slice('party_'.length)}`;
    case 'government':
      return `sanction.government.${code.slice('government_'.length)}`;
    case 'org_measure':
      return `org_measure.${code.slice('org_'.length)}`;
    default:
      return `accountability.effect.${code}`;
  }
}

/** The built-in sanction kinds (dictionary `accountability_sanction`), in the order the forms list them. */
export const SANCTION_KIND_DEFAULTS: [string, string][] = [
  ['criticism', '点名批评'],
  ['written_review', '书面检讨'],
  ['public_review', '上台检讨'],
  ['circular', '通报批评'],
  ['admonition', '诫勉'],
  ['org_transfer', '调离岗位'],
  ['org_removal', '免职'],
  ['org_removal_higher', '免职（较重情形）'],
  ['org_demotion', '降职'],
  ['party_warning', '党内警告'],
  ['party_serious_warning', '党内严重警告'],
  ['party_removal_from_post', '撤销党内职务'],
  ['party_probation', '留党察看'],
  ['party_expulsion', '开除党籍'],
  ['government_warning', '政务警告'],
  ['government_demerit', '记过'],
  ['government_major_demerit', '记大过'],
  ['government_demotion', '降级'],
  ['government_dismissal', '撤职'],
  ['government_expulsion', '开除'],
  ['grade_incompetent', '年度考核不称职'],
  ['revoke_appointment', '撤销任免决定'],
];

/**
 * The township's 8 工作失误 categories (大兴镇工作失误追究制), dictionary `work_error_category`; labels
 * are the short forms the summary says ("因计生工作失职被给予党政纪处分").
 */
export const WORK_ERROR_CATEGORY_DEFAULTS: [string, string][] = [
  ['wrong_decision', '作出错误决策造成严重后果'],
  ['family_planning', '计生工作失职'],
  ['work_safety', '安全生产工作失职'],
  ['stability', '综治维稳工作失职'],
  ['finance', '违反财经纪律造成损失'],
  ['unlawful_admin', '违法行政侵害群众利益'],
  ['shirking', '推诿扯皮贻误工作'],
  ['false_reporting', '弄虚作假虚报瞒报'],
];

/** 情节 of a 工作失误, lightest first: the ladder gives the sanction kinds each calls for. */
export const LADDER_STEPS = { light: '情节较轻', serious: '情节较重', grave: '情节严重' } as const;
export type LadderStep = keyof typeof LADDER_STEPS;
export type PenaltyLadder = Record<string, Partial<Record<LadderStep, string[]>>>;

const common: Partial<Record<LadderStep, string[]>> = {
  light: ['criticism', 'written_review'],
  serious: ['circular', 'admonition', 'org_transfer'],
  grave: ['org_removal', 'org_demotion', 'party_warning', 'government_demerit'],
};

/** The default penalty ladder (rule `accountability.work_error.ladder`), per category. */
export const DEFAULT_LADDER: PenaltyLadder = Object.fromEntries(
  WORK_ERROR_CATEGORY_DEFAULTS.map(([code]) => [
    code,
    code === 'wrong_decision'
      ? {
          light: ['written_review', 'circular'],
          serious: ['admonition', 'org_transfer', 'party_warning'],
          grave: ['org_removal', 'party_serious_warning', 'government_major_demerit'],
        }
      : common,
  ]),
);
