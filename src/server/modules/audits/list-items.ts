import { and, eq, gt, lt, lte, ne, type SQL, sql } from 'drizzle-orm';
import { bucketBounds } from '../../../domain/audits/clocks.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { readsWholeTree } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { countUpToCap } from '../../platform/http/capped-count.js';
import { likePattern, offsetOf } from '../../platform/http/pagination.js';
import { orgs } from '../../platform/orgs/schema.js';
import { itemVisibility } from './access.js';
import type { ItemListQuery } from './contract.js';
import { itemSummary } from './labels.js';
import { econAudits as a, auditFindings as f, rectificationItems as i } from './schema.js';

/** The bucket as a condition on the item's due day (open items only). */
function bucketWhere(bucket: string, b: ReturnType<typeof bucketBounds>): SQL | undefined {
  const open = ne(i.status, 'closed');
  switch (bucket) {
    case 'overdue':
      return and(open, lt(i.dueOn, b.today));
    case 'within10':
      return and(open, sql`${i.dueOn} between ${b.today} and ${b.d10}`);
    case 'within20':
      return and(open, gt(i.dueOn, b.d10), lte(i.dueOn, b.d20));
    case 'beyond20':
      return and(open, gt(i.dueOn, b.d20));
  }
  return undefined;
}

/** The list's filters (also the ledger's): visibility, status, open, bucket, audit, unit, queue, text, year issued. */
export function itemWhere(
  actor: Actor,
  q: Omit<ItemListQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
  bounds: ReturnType<typeof bucketBounds>,
  opts: { forList?: boolean } = {},
): SQL | undefined {
  return and(
    itemVisibility(actor, opts),
    q.status ? eq(i.status, q.status) : undefined,
    q.open === 'true' ? ne(i.status, 'closed') : q.open === 'false' ? eq(i.status, 'closed') : undefined,
    q.bucket ? bucketWhere(q.bucket, bounds) : undefined,
    q.auditId ? eq(i.auditId, q.auditId) : undefined,
    q.unitOrgId ? eq(i.unitOrgId, q.unitOrgId) : undefined,
    // the audit's and the finding's columns as subqueries: the count reads the items alone
    q.queue === 'true'
      ? and(
          eq(i.status, 'applied'),
          sql`exists (select 1 from ${a} qa where qa.id = ${i.auditId} and ${actor.userId} = any(qa.auditor_user_ids))`,
          ne(i.unitOrgId, actor.orgId),
        )
      : undefined,
    q.q
      ? sql`exists (select 1 from ${f} qf where qf.id = ${i.findingId} and qf.summary ilike ${likePattern(q.q)})`
      : undefined,
    q.year ? sql`${i.issuedOn} between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}` : undefined,
  );
}

/**
 * The findings board (整改事项): for an officer the items of the audits in scope, for a unit head
 * only their own unit's; filters by status, open, the due buckets (working days on the calendar),
 * audit, unit and text; `queue` is the auditor's 认定 queue (申请销号 in audits they audit).
 */
export async function listItems(opts: { ctx: AppContext; actor: Actor; query: ItemListQuery }) {
  const { ctx, actor, query: q } = opts;
  const today = chinaDate(ctx.clock.now());
  const cal = await ctx.calendar.current();
  const where = itemWhere(actor, q, bucketBounds(today, cal), { forList: true });
  const [rows, { total, totalCapped }] = await Promise.all([
    ctx.db
      .select({ i, summary: f.summary, repeat: f.repeatOfId, auditTitle: a.title, unitName: orgs.name })
      .from(i)
      .innerJoin(f, eq(f.id, i.findingId))
      .innerJoin(a, eq(a.id, i.auditId))
      .leftJoin(orgs, eq(orgs.id, i.unitOrgId))
      .where(where)
      // the district reads rectification_items_board_idx in this order; a township sorts its own
      // few thousand items found by rectification_items_org_board_idx (`+ 0`: the planner would
      // otherwise walk the district's order index and filter, slow for a township far down it)
      .orderBy(
        readsWholeTree(actor) ? sql`${i.dueOn} asc nulls last` : sql`(${i.dueOn} + 0) asc nulls last`,
        sql`${i.id} desc nulls last`,
      )
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    countUpToCap(ctx.db, i, where),
  ]);
  return {
    items: rows.map((r) => ({
      ...itemSummary(r.i, today, cal),
      summary: r.summary,
      repeat: r.repeat !== null,
      auditTitle: r.auditTitle,
      unitName: r.unitName,
    })),
    total,
    totalCapped,
    page: q.page,
    pageSize: q.pageSize,
  };
}
