import { and, eq, isNull } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, outOfScope } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { type SummaryRow, summaries } from './schema.js';
import type { SummaryOrg } from './summary-view.js';

/** An org the caller may write a summary for: in their scope, else a 404 (as if it did not exist). */
export async function summaryOrg(db: Queryable, actor: Actor, orgId: number): Promise<SummaryOrg> {
  const [org] = await db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind })
    .from(orgs)
    .where(and(eq(orgs.id, orgId), isNull(orgs.deletedAt)));
  if (!org || !(await orgInScope(db, actor, org.id))) throw outOfScope();
  return org;
}

/** A summary by id with its org, when the org is in the caller's scope (else a 404). */
export async function loadSummary(
  db: Queryable,
  actor: Actor,
  id: number,
): Promise<{ row: SummaryRow; org: SummaryOrg }> {
  const [row] = await db.select().from(summaries).where(eq(summaries.id, id));
  if (!row) throw outOfScope();
  return { row, org: await summaryOrg(db, actor, row.orgId) };
}

/**
 * The as-of date of a year's figures asked today: the year's last day once it is over, else today.
 * A year not begun yet is refused.
 */
export function yearAsOf(ctx: AppContext, year: number): string {
  const today = chinaDate(ctx.clock.now());
  if (`${year}-01-01` > today) {
    const message = `${year}年尚未开始，不能生成该年度的工作总结`;
    throw badRequest(message, { year: message });
  }
  const end = `${year}-12-31`;
  return end < today ? end : today;
}
