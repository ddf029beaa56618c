/**
 * The petition figures (信访统计指标): key, label, unit and definition of each, as the registry
 * publishes them (src/server/modules/petitions/figures) and the README lists them.
 *
 * Every petition figure is about the petitions RECEIVED in the period (by 收件日期, and not after
 * the as-of date) by the chosen org and the orgs below it, that the caller may open, AS THEY STOOD
 * at the end of the as-of date (截至日期): a case received in December and concluded in January is
 * concluded in the year's figures as of a day in January, and not as of 31 December.
 */
export const PETITION_FIGURES = {
  received: {
    label: '收件总数',
    unit: '件',
    definition: '统计期内登记收件的信访举报件（截至日期之后收件的不计）',
  },
  letter: { label: '来信', unit: '件', definition: '收件中来源渠道为来信的件数' },
  visit: {
    label: '来访',
    unit: '批次',
    definition: '收件中来源渠道为来访的批次数（一批来访计一次，人数见“来访人数”）',
  },
  visitors: { label: '来访人数', unit: '人次', definition: '来访各批次登记的来访人数之和' },
  phone: { label: '来电', unit: '件', definition: '收件中来源渠道为来电的件数' },
  online: { label: '网上举报', unit: '件', definition: '收件中来源渠道为网上举报（含门户网站提交）的件数' },
  assigned: { label: '上级交办', unit: '件', definition: '收件中来源渠道为上级交办的件数' },
  assigned_on_time: {
    label: '交办件按期办结',
    unit: '件',
    definition: '上级交办件中，截至日期已办结、且首次办结日期不晚于交办期限的件数',
  },
  transferred: { label: '转办', unit: '件', definition: '收件中来源渠道为转办的件数' },
  real_name: { label: '实名', unit: '件', definition: '收件中实名反映的件数' },
  anonymous: { label: '匿名', unit: '件', definition: '收件中匿名反映的件数' },
  accepted: { label: '受理', unit: '件', definition: '截至日期已受理（受理日期不晚于截至日期）的件数' },
  declined: { label: '不予受理', unit: '件', definition: '截至日期已决定不予受理的件数' },
  concluded: {
    label: '办结',
    unit: '件',
    definition: '截至日期已办结的件数（含其后申请复查、复核的）；截至日期之后才办结的不计',
  },
  conclusion_rate: {
    label: '办结率',
    unit: '%',
    definition: '办结率 = 办结 ÷ 受理，均按统计期内收件、截至日期时的办理情况计算；不予受理的件不计入',
  },
  open: { label: '在办', unit: '件', definition: '截至日期已受理、尚未办结的件数（受理 − 办结）' },
  overdue: {
    label: '超期未办结',
    unit: '件',
    definition:
      '截至日期尚未办结（既未办结也未决定不予受理，含复查、复核中的）且当时所处环节的期限早于截至日期的件数',
  },
  extended: { label: '延期', unit: '件', definition: '截至日期已批准延期办理的件数' },
  reports: {
    label: '调查报告',
    unit: '份',
    definition: '这些信访件截至日期已形成的调查报告份数（每份报告计一份，明细逐份列出）',
  },
  opinions: {
    label: '处理意见',
    unit: '条',
    definition: '这些信访件截至日期已提出的处理意见条数（每条意见计一条，明细逐条列出）',
  },
  by_category: {
    label: '按问题类别',
    unit: '件',
    definition: '收件按问题类别分列；未填写类别的列为“未分类”',
  },
  by_disposal: {
    label: '按处置方式',
    unit: '件',
    definition:
      '收件按截至日期时的处置方式（谈话函询、初步核实、暂存待查、予以了结）分列；尚未处置的（未受理、不予受理、已受理待处置）列为“未处置”',
  },
  by_cadre: {
    label: '按被反映干部',
    unit: '人次',
    definition:
      '收件中被反映干部的人次，按干部分列：一件反映多人的，每人各计一次；未关联干部名册的按登记的姓名列出',
  },
} as const;
export type PetitionFigureName = keyof typeof PETITION_FIGURES;

/** The registry key of a petition figure. */
export const petitionFigureKey = (name: PetitionFigureName) => `petitions.${name}`;

/** A group of a breakdown that has no value: no category recorded, not yet disposed of. */
export const NO_GROUP = 'none';
