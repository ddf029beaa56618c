import { and, eq, gt, isNotNull, isNull, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import { CATEGORY_METRIC, NO_CATEGORY, type StatMetric } from '../../../../domain/petition-stats.js';
import { petitions } from '../schema.js';

const channel = (c: string) => eq(petitions.channel, c);
// the counts the petition_documents trigger keeps
const hasDocument = (kind: 'report' | 'opinion') =>
  gt(kind === 'report' ? petitions.reportCount : petitions.opinionCount, 0);

/** Still running: neither concluded (nor under review after it) nor declined. */
export const RUNNING = notInArray(petitions.status, ['concluded', 'declined']);

/**
 * What each figure counts, as a condition on a petition: the same condition counts the figure
 * (count(*) FILTER (WHERE …)) and lists its records, so a drill-down shows exactly what was counted.
 */
export function metricCondition(metric: StatMetric, today: string): SQL {
  switch (metric) {
    case 'received':
      return sql`true`;
    case 'letter':
    case 'visit':
    case 'phone':
    case 'online':
    case 'assigned':
    case 'transferred':
      return channel(metric);
    case 'assignedOnTime':
      return and(
        channel('assigned'),
        isNotNull(petitions.concludedOn),
        isNotNull(petitions.assignedDueOn),
        sql`${petitions.concludedOn} <= ${petitions.assignedDueOn}`,
      )!;
    case 'accepted':
      return isNotNull(petitions.acceptedOn);
    case 'declined':
      return eq(petitions.status, 'declined');
    case 'concluded':
      return isNotNull(petitions.concludedOn);
    case 'reports':
      return hasDocument('report');
    case 'opinions':
      return hasDocument('opinion');
    case 'overdue':
      return and(RUNNING, lt(petitions.dueOn, today))!;
  }
}

/** The condition of a drill: a figure, or one 问题类别 of the by-category table. */
export function drillCondition(metric: string, category: string | undefined, today: string): SQL {
  if (metric === CATEGORY_METRIC) {
    return category === NO_CATEGORY ? isNull(petitions.category) : eq(petitions.category, category ?? '');
  }
  return metricCondition(metric as StatMetric, today);
}
