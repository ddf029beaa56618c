import { asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { readContext } from '../../../platform/db/read-context.js';
import { COUNT_CAP, countUpToCap } from '../../../platform/http/capped-count.js';
import { offsetOf, type Page } from '../../../platform/http/pagination.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { petitionSubjects, petitions } from '../schema.js';
import { type PetitionListQuery, petitionWhere } from './list-query.js';
import { overdueDays, todayOf } from './petition-clock.js';
import type { PetitionRowOut } from './petition-out.js';

/** Columns of a list row: never the sealed identity nor the receipt digest. */
export const rowColumns = {
  id: petitions.id,
  code: petitions.code,
  orgId: petitions.orgId,
  orgName: orgs.name,
  channel: petitions.channel,
  visitors: petitions.visitors,
  receivedOn: petitions.receivedOn,
  title: petitions.title,
  category: petitions.category,
  status: petitions.status,
  dueOn: petitions.dueOn,
  dueKind: petitions.dueKind,
  urgent: petitions.urgent,
  realName: petitions.realName,
  imported: petitions.imported,
};

/** The work queue: running urgent cases first, then by the nearest due date; finished ones after, newest first. */
const running = sql`${petitions.status} not in ('concluded', 'declined')`;

export async function listPetitions(opts: {
  ctx: AppContext;
  actor: Actor;
  query: PetitionListQuery;
}): Promise<Page<PetitionRowOut> & { totalCapped: boolean }> {
  const { actor, query } = opts;
  // a large list: read on the replica when the routing allows (read-context.ts)
  const ctx = await readContext(opts.ctx, actor);
  const today = todayOf(ctx);
  const where = petitionWhere(actor, query, today);
  // search results newest first (petitions_received_idx reads the first matches of a common word)
  const byReceived = query.sort === 'receivedOn' || (!!query.q && !query.sort);
  const sorted = byReceived
    ? [query.order === 'asc' ? asc(petitions.receivedOn) : desc(petitions.receivedOn)]
    : [
        desc(sql`(${petitions.urgent} and ${running})`),
        desc(running),
        sql`${petitions.dueOn} asc nulls last`,
        desc(petitions.receivedOn),
      ];
  const order = [...sorted, desc(petitions.id)];
  // `pageIds`: the ids of a rare term's page, found among its matches (see pageOfMatches)
  const page = (pageIds?: SQL) =>
    ctx.db
      .select(rowColumns)
      .from(petitions)
      .innerJoin(orgs, eq(orgs.id, petitions.orgId))
      .where(pageIds ?? where)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset(pageIds ? 0 : offsetOf(query));
  let rows: Awaited<ReturnType<typeof page>>;
  let count: { total: number; totalCapped: boolean };
  if (query.q) {
    // a common word searched across a district matches 100,000s: the planner's estimate says so
    // without counting them; a rarer one is counted through the search index first
    count = await countUpToCap(ctx.db, petitions, where, COUNT_CAP, { estimateFirst: true });
    rows =
      count.total === 0
        ? []
        : await page(
            count.totalCapped || count.total > searchPlan.rareMatches
              ? undefined
              : pageOfMatches(where, order, query.pageSize, offsetOf(query)),
          );
  } else [rows, count] = await Promise.all([page(), countUpToCap(ctx.db, petitions, where, COUNT_CAP)]);
  const names = await subjectNames(
    ctx,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => ({
    ...r,
    overdueDays: overdueDays(r, today),
    subjects: names.get(r.id) ?? [],
  }));
  return { items, ...count, page: query.page, pageSize: query.pageSize };
}

/**
 * Up to this many matches, a search's page is sorted from the matches themselves (read through the
 * search index) rather than found by walking the date index newest first: the walk reads about
 * (offset + page size) / matches of the whole table — all of it when a term is rare or absent
 * (seconds at a million petitions), while sorting a few thousand matches takes milliseconds
 * (bench/results-search.md).
 */
export const searchPlan = { rareMatches: 2_000 };

/**
 * The ids of a page among the petitions matching `where`: the matches are a subquery under the
 * table's own name fenced by `offset 0`, so the planner cannot fold it into the page's order and
 * walk the date index — it reads them through the search index (one bitmap scan) and sorts them;
 * the outer query then reads only the page's rows by id.
 */
function pageOfMatches(where: SQL, order: SQL[], limit: number, offset: number): SQL {
  const matches = sql`(select * from ${petitions} where ${where} offset 0) as ${petitions}`;
  const ids = sql`select ${petitions.id} from ${matches} order by ${sql.join(order, sql`, `)} limit ${limit} offset ${offset}`;
  return sql`${petitions.id} = any(array(${ids}))`;
}

async function subjectNames(ctx: AppContext, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!ids.length) return out;
  const rows = await ctx.db
    .select({ petitionId: petitionSubjects.petitionId, name: petitionSubjects.name })
    .from(petitionSubjects)
    .where(inArray(petitionSubjects.petitionId, ids))
    .orderBy(asc(petitionSubjects.id));
  for (const r of rows) out.set(r.petitionId, [...(out.get(r.petitionId) ?? []), r.name]);
  return out;
}
