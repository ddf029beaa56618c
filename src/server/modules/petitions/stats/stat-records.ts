import { and, count, desc, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Page } from '../../../platform/http/pagination.js';
import { petitions } from '../schema.js';
import type { RecordsQuery } from './contract.js';
import { drillCondition } from './metrics.js';
import { statsScope } from './stats-scope.js';

const columns = {
  id: petitions.id,
  code: petitions.code,
  receivedOn: petitions.receivedOn,
  channel: petitions.channel,
  visitors: petitions.visitors,
  title: petitions.title,
  category: petitions.category,
  status: petitions.status,
  acceptedOn: petitions.acceptedOn,
  concludedOn: petitions.concludedOn,
  assignedDueOn: petitions.assignedDueOn,
  dueOn: petitions.dueOn,
  imported: petitions.imported,
};

/**
 * The records behind a figure: the same period, org and condition the figure counted, newest
 * first, a page at a time. What the case is about and where it stands; never who reported it.
 */
export async function statRecords(opts: { ctx: AppContext; actor: Actor; query: RecordsQuery }) {
  const { ctx, actor, query } = opts;
  const scope = await statsScope(ctx, actor, query);
  const where = and(scope.where, drillCondition(query.metric, query.category, scope.today))!;
  const [items, [{ total }]] = await Promise.all([
    pageRows(ctx, where, query),
    ctx.db.select({ total: count() }).from(petitions).where(where),
  ]);
  const page: Page<(typeof items)[number]> = { items, total, page: query.page, pageSize: query.pageSize };
  return page;
}

function pageRows(ctx: AppContext, where: SQL, q: RecordsQuery) {
  return ctx.db
    .select(columns)
    .from(petitions)
    .where(where)
    .orderBy(desc(petitions.receivedOn), desc(petitions.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
}
