/**
 * The petition statistics (信访统计): which figures there are, what each counts, and the 办结率.
 * Shared by the server (which counts them in SQL) and the admin UI (labels, tooltips).
 *
 * Every figure is about the petitions RECEIVED in the period (received_on between from and to)
 * by the chosen org and the orgs below it, as they stand when the figures are asked for: a case
 * received in December and concluded in January counts as concluded in December's figures.
 */
export const STAT_METRICS = {
  received: { label: '收件总数', hint: '统计期内登记收件的信访举报件' },
  letter: { label: '来信', hint: '来源渠道为来信' },
  visit: { label: '来访（批次）', hint: '来源渠道为来访的批次数；来访人数另计' },
  phone: { label: '来电', hint: '来源渠道为来电' },
  online: { label: '网上举报', hint: '来源渠道为网上举报（含门户提交）' },
  assigned: { label: '上级交办', hint: '来源渠道为上级交办' },
  assignedOnTime: {
    label: '交办件按期办结',
    hint: '上级交办件中，办结日期不晚于交办期限的件数',
  },
  transferred: { label: '转办', hint: '来源渠道为转办' },
  accepted: { label: '受理', hint: '已受理（有受理日期）的件数' },
  declined: { label: '不予受理', hint: '决定不予受理的件数' },
  concluded: { label: '办结', hint: '已办结（有办结日期，含其后申请复查复核的）的件数' },
  reports: { label: '调查报告', hint: '这些信访件的调查报告份数；点击查看涉及的信访件' },
  opinions: { label: '处理意见', hint: '这些信访件的处理意见条数（每条意见一条记录）；点击查看涉及的信访件' },
  overdue: { label: '超期未办结', hint: '尚未办结（未办结且非不予受理）且当前期限早于今天的件数' },
} as const;
export type StatMetric = keyof typeof STAT_METRICS;
export const STAT_METRIC_KEYS = Object.keys(STAT_METRICS) as StatMetric[];

/** A drill-down by category: the records of one 问题类别 (`none` = no category recorded). */
export const CATEGORY_METRIC = 'category';
export const NO_CATEGORY = 'none';

/**
 * 办结率 = 办结 ÷ 受理, both counted over the petitions received in the period: of the cases
 * accepted, the share concluded so far. Declined cases are in neither. A percentage with one
 * decimal, or null when nothing was accepted.
 */
export function conclusionRate(concluded: number, accepted: number): number | null {
  if (accepted <= 0) return null;
  return Math.round((concluded / accepted) * 1000) / 10;
}

export const CONCLUSION_RATE_HINT =
  '办结率 = 办结件数 ÷ 受理件数，均按统计期内收件的信访件计算（截至查询时的办理结果）；不予受理的件不计入';

/** 1 January to 31 December of the year a date falls in: the statistics' default period. */
export function yearOf(today: string): { from: string; to: string } {
  const y = today.slice(0, 4);
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}
