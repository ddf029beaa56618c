/**
 * The cadre's own written report during an admonition's tracking (书面报告思想和工作情况): due on
 * the plan's report days (every quarter where the rule admonition.quarterly_report asks for it),
 * handed in by the cadre's own account, one per due day, while the tracking runs.
 */

/** The next report due after `done` reports, or null when every due report is in. */
export const nextReportDue = (reportDates: readonly string[], done: number): string | null =>
  reportDates[done] ?? null;

/** Why the cadre may not hand in a report now, or null. */
export function ownReportRefusal(
  a: { status: string; reportDates: readonly string[] },
  done: number,
): string | null {
  if (a.status !== 'tracking') return '诫勉跟踪考察不在进行中，不能提交书面报告';
  if (a.reportDates.length === 0) return '本次诫勉不要求提交书面报告';
  if (done >= a.reportDates.length) return `跟踪考察期内应交的 ${a.reportDates.length} 份书面报告均已提交`;
  return null;
}

/** The report's length limits, in characters. */
export const OWN_REPORT_MIN = 20;
export const OWN_REPORT_MAX = 5000;
