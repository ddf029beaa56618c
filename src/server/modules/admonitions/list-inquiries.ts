import { and, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import {
  answeredOnTime,
  INQUIRY_CONCLUSIONS,
  INQUIRY_STATUSES,
  type InquiryStatus,
  inquiryOverdue,
} from '../../../domain/admonitions/inquiry-workflow.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { likePattern, offsetOf, orderBy } from '../../platform/http/pagination.js';
import { orgs } from '../../platform/orgs/schema.js';
import { cadres } from '../cadres/schema.js';
import { visibleInList } from './access.js';
import type { InquiryListQuery } from './contract.js';
import { inquiries } from './schema.js';
import { todayOf } from './tracking.js';

/** The list's conditions (scope, recusal, filters): shared with the 函询台帐. */
export function inquiryWhere(actor: Actor, q: Partial<InquiryListQuery>, today: string): SQL | undefined {
  const conds: (SQL | undefined)[] = [visibleInList(actor, inquiries.orgId, inquiries.cadreId)];
  if (q.status) conds.push(eq(inquiries.status, q.status));
  if (q.conclusion) conds.push(eq(inquiries.conclusion, q.conclusion));
  if (q.petitionId) conds.push(eq(inquiries.petitionId, q.petitionId));
  if (q.year) conds.push(sql`extract(year from ${inquiries.sentOn}) = ${q.year}`);
  if (q.orgId)
    conds.push(
      inArray(
        inquiries.orgId,
        sql`(select o.id from ${orgs} o where o.path like (select p.path from ${orgs} p where p.id = ${q.orgId}) || '%')`,
      ),
    );
  const late = and(eq(inquiries.status, 'sent'), sql`${inquiries.dueOn} < ${today}`);
  if (q.overdue === 'true') conds.push(late);
  if (q.overdue === 'false') conds.push(sql`not (${late})`);
  if (q.q) {
    const like = likePattern(q.q);
    conds.push(or(ilike(inquiries.code, like), ilike(inquiries.question, like), ilike(cadres.name, like)));
  }
  return and(...conds);
}

export const inquiryListItem = (
  i: typeof inquiries.$inferSelect,
  names: { cadreName: string; orgName: string },
  today: string,
) => ({
  id: i.id,
  code: i.code,
  status: i.status,
  statusLabel: INQUIRY_STATUSES[i.status as InquiryStatus] ?? i.status,
  cadreId: i.cadreId,
  ...names,
  sourceKind: i.sourceKind,
  petitionId: i.petitionId,
  sentOn: i.sentOn,
  dueOn: i.dueOn,
  repliedOn: i.repliedOn,
  onTime: i.repliedOn ? answeredOnTime(i.repliedOn, i.dueOn) : null,
  overdue: inquiryOverdue(i.status as InquiryStatus, i.dueOn, today),
  conclusion: i.conclusion,
  conclusionLabel: i.conclusion
    ? (INQUIRY_CONCLUSIONS[i.conclusion as keyof typeof INQUIRY_CONCLUSIONS] ?? null)
    : null,
  concludedOn: i.concludedOn,
});

export async function listInquiries(opts: { ctx: AppContext; actor: Actor; query: InquiryListQuery }) {
  const { ctx, actor, query } = opts;
  const today = todayOf(ctx);
  const where = inquiryWhere(actor, query, today);
  const [[{ total }], rows] = await Promise.all([
    ctx.db
      .select({ total: count() })
      .from(inquiries)
      .innerJoin(cadres, eq(cadres.id, inquiries.cadreId))
      .where(where),
    ctx.db
      .select({ i: inquiries, cadreName: cadres.name, orgName: orgs.name })
      .from(inquiries)
      .innerJoin(cadres, eq(cadres.id, inquiries.cadreId))
      .innerJoin(orgs, eq(orgs.id, inquiries.orgId))
      .where(where)
      .orderBy(
        orderBy(query, { sentOn: inquiries.sentOn, dueOn: inquiries.dueOn, code: inquiries.code }, 'sentOn'),
        desc(inquiries.id),
      )
      .limit(query.pageSize)
      .offset(offsetOf(query)),
  ]);
  return {
    total: Number(total),
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map(({ i, cadreName, orgName }) => inquiryListItem(i, { cadreName, orgName }, today)),
  };
}
