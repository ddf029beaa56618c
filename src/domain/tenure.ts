import { addMonths } from './calendar.js';

/**
 * 任职经历 rules. A tenure runs from its start date to its end date (open when none); a handover on
 * one day — the predecessor leaves on the day the successor starts — is not an overlap.
 */
export interface TenureSpan {
  id?: number;
  positionId: number | null;
  isPrincipal: boolean;
  startDate: string;
  endDate: string | null;
}

/** The end of a tenure can be neither before its start nor unset once set. Returns a Chinese message, or null. */
export function tenureDatesProblem(startDate: string, endDate: string | null): string | null {
  if (endDate !== null && endDate < startDate) return '离任日期不能早于任职日期';
  return null;
}

/** Do the two periods share a day beyond a same-day handover? */
export function spansOverlap(a: TenureSpan, b: TenureSpan): boolean {
  const aEnd = a.endDate ?? '9999-12-31';
  const bEnd = b.endDate ?? '9999-12-31';
  return a.startDate < bEnd && b.startDate < aEnd;
}

/**
 * One principal (正职) at a time in a post: a principal tenure may not overlap another principal
 * tenure of the same position. `others` are the position's other tenures. Returns a Chinese message, or null.
 */
export function principalOverlapProblem(tenure: TenureSpan, others: TenureSpan[]): string | null {
  if (!tenure.isPrincipal || tenure.positionId === null) return null;
  const clash = others.find(
    (o) =>
      o.id !== tenure.id && o.positionId === tenure.positionId && o.isPrincipal && spansOverlap(tenure, o),
  );
  if (!clash) return null;
  if (clash.endDate === null && tenure.startDate >= clash.startDate)
    return '该职务已有在任正职，请先办理其离任';
  return `该职务在 ${clash.startDate} 至 ${clash.endDate ?? '今'} 期间已有正职任职，日期不能重叠`;
}

/** The same cadre cannot hold the same post twice at once. */
export function samePostTwiceProblem(tenure: TenureSpan, ownTenures: TenureSpan[]): string | null {
  if (tenure.positionId === null) return null;
  const clash = ownTenures.some(
    (o) => o.id !== tenure.id && o.positionId === tenure.positionId && spansOverlap(tenure, o),
  );
  return clash ? '该干部在此期间已担任该职务' : null;
}

/** 试用期: it ends `months` (rule appointment.probation) after the start date. */
export function probationEnd(startDate: string, months: number): string {
  return addMonths(startDate, months);
}

/** Is the cadre in probation on `date`? (The day probation ends is its last day.) */
export function inProbation(probationEndDate: string | null, date: string): boolean {
  return probationEndDate !== null && date <= probationEndDate;
}
