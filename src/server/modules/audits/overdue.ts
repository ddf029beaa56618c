import { and, eq, gt, isNull, lt, lte, ne, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { auditFindings, rectificationItems as i, rectificationItems } from './schema.js';

/** An open item past its due day (plan, deadline or checkpoint) or its monthly report on `on`. */
export const overdueOn = (on: string): SQL =>
  and(ne(i.status, 'closed'), or(lt(i.dueOn, on), and(ne(i.status, 'applied'), lt(i.nextReportDue, on))))!;

/**
 * The overdue rectification items of a unit on a date — what the assessments module deducts for.
 * Read from the items' current state (an item closed since is not counted).
 */
export async function overdueItemsOfUnit(db: Queryable, unitOrgId: number, on: string) {
  return db
    .select({
      id: rectificationItems.id,
      auditId: rectificationItems.auditId,
      findingId: rectificationItems.findingId,
      status: rectificationItems.status,
      dueOn: rectificationItems.dueOn,
      nextReportDue: rectificationItems.nextReportDue,
    })
    .from(rectificationItems)
    .where(and(eq(rectificationItems.unitOrgId, unitOrgId), overdueOn(on)));
}

/**
 * The rectification items of a unit overdue at the end of a period (the assessments' automatic
 * deduction): issued by that day, not closed by it, and due (their due day now) before it.
 */
export async function overdueItemsOfUnitAt(db: Queryable, unitOrgId: number, periodEnd: string) {
  return db
    .select({ id: i.id, summary: auditFindings.summary, dueOn: i.dueOn })
    .from(i)
    .innerJoin(auditFindings, eq(auditFindings.id, i.findingId))
    .where(
      and(
        eq(i.unitOrgId, unitOrgId),
        lte(i.issuedOn, periodEnd),
        or(isNull(i.closedOn), gt(i.closedOn, periodEnd)),
        lt(i.dueOn, periodEnd),
      ),
    )
    .orderBy(i.dueOn, i.id);
}
