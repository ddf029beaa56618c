import { and, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { likePattern } from '../../platform/http/pagination.js';
import { orgs } from '../../platform/orgs/schema.js';
import { todos } from '../../platform/todos/schema.js';
import { caseListVisibility } from './access.js';
import type { CaseListQuery } from './contract.js';
import { caseSummary } from './get-case.js';
import { appointmentCases as c } from './schema.js';

type Filters = Omit<CaseListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

/**
 * The list's filters. 逾期: a case with a to-do past its day still open (the integrity opinion, the
 * appointment after a closed notice, the probation review …), counted on `today` (China).
 */
export function caseWhere(actor: Actor, q: Filters, today: string): SQL | undefined {
  const late = sql`exists (select 1 from ${todos} t where t.record_type = 'appointment' and t.record_id = ${c.id}::text and t.status = 'open' and t.due_on < ${today})`;
  return and(
    caseListVisibility(actor),
    q.year ? eq(c.year, q.year) : undefined,
    q.method ? eq(c.method, q.method) : undefined,
    q.step ? eq(c.step, q.step) : undefined,
    q.orgId
      ? inArray(
          c.orgId,
          sql`(select o.id from ${orgs} o where o.path like (select p.path from ${orgs} p where p.id = ${q.orgId}) || '%')`,
        )
      : undefined,
    q.q ? or(ilike(c.title, likePattern(q.q)), ilike(c.code, likePattern(q.q))) : undefined,
    q.overdue === 'true' ? late : q.overdue === 'false' ? sql`not ${late}` : undefined,
  );
}

/** 选拔任用纪实 list: by year, org, method and step, newest first. */
export async function listCases(opts: { ctx: AppContext; actor: Actor; query: CaseListQuery }) {
  const { ctx, actor, query: q } = opts;
  const where = caseWhere(actor, q, chinaDate(ctx.clock.now()));
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select({ c, orgName: orgs.name })
      .from(c)
      .leftJoin(orgs, eq(orgs.id, c.orgId))
      .where(where)
      .orderBy(desc(c.proposedOn), desc(c.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ total: count() }).from(c).where(where),
  ]);
  return {
    items: rows.map((r) => caseSummary(r.c, r.orgName ?? '')),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}
