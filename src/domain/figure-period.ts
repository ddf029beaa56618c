/**
 * The period and the as-of date of a figure (the figures registry, docs/decisions/figures-registry.md).
 * Pure: shared by the server, which resolves a request's dates, and the admin UI, which shows them.
 *
 * - The period (from–to) chooses the records: by default this year; a period given by one end only
 *   takes the rest of that end's year.
 * - The as-of date (截至日期) chooses the moment: the records as they stood at the end of that day.
 *   By default today, or the period's end when the period is over — so the figures of a past period
 *   asked later are the ones that could have been filed on its last day, and stay so.
 */
export interface FigurePeriod {
  from: string;
  to: string;
  asOf: string;
}

/** 1 January to 31 December of the year a date falls in. */
export function yearOf(day: string): { from: string; to: string } {
  const y = day.slice(0, 4);
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** The period and as-of date a request means, or the field and Chinese reason it cannot be answered. */
export function resolvePeriod(
  q: { from?: string; to?: string; asOf?: string },
  today: string,
): FigurePeriod | { field: 'to' | 'asOf'; message: string } {
  const year = yearOf(today);
  const from = q.from ?? (q.to && q.to < year.from ? yearOf(q.to).from : year.from);
  const to = q.to ?? (from > year.to ? yearOf(from).to : year.to);
  if (from > to) return { field: 'to', message: '开始日期不能晚于结束日期' };
  const asOf = q.asOf ?? (to < today ? to : today);
  if (asOf > today) return { field: 'asOf', message: `截至日期不能晚于今天（${today}）` };
  if (asOf < from) return { field: 'asOf', message: '截至日期不能早于统计期的开始日期' };
  return { from, to, asOf };
}

/** The last day whose records a figure can count: the period's end, or the as-of date if earlier. */
export const lastCountedDay = (p: FigurePeriod) => [p.asOf, p.to].sort()[0];

/**
 * A ratio figure as a percentage with one decimal (办结率 = 办结 ÷ 受理), or null when the
 * denominator is nothing.
 */
export function ratioPercent(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}
