import { asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { readContext } from '../../../platform/db/read-context.js';
import { rowsOf as dbRows } from '../../../platform/db/rows.js';
import {
  COUNT_CAP,
  countUpToCap,
  ESTIMATE_MARGIN,
  estimatedRows,
} from '../../../platform/http/capped-count.js';
import { badRequest } from '../../../platform/http/errors.js';
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
}): Promise<Page<PetitionRowOut> & { totalCapped: boolean; pageableRows?: number }> {
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
  const offset = offsetOf(query);
  /** The page's rows, read by id once the page's ids are chosen (`ids`: a subquery or a list). */
  const rowsOf = (ids: SQL) =>
    ctx.db
      .select(rowColumns)
      .from(petitions)
      .innerJoin(orgs, eq(orgs.id, petitions.orgId))
      .where(sql`${petitions.id} = any(${ids})`)
      .orderBy(...order);
  // deferred join: the page's ids are chosen by a walk that reads only the ordering index's entries
  // (petitions_queue_idx, petitions_received_idx), then only those 20 rows are read — not the
  // thousands a deep page skips (bench/results-search.md)
  const walk = () =>
    rowsOf(
      sql`array(select ${petitions.id} from ${petitions} where ${where} order by ${sql.join(order, sql`, `)} limit ${query.pageSize} offset ${offset})`,
    );
  if (!query.q) {
    const [rows, count] = await Promise.all([walk(), countUpToCap(ctx.db, petitions, where, COUNT_CAP)]);
    return withSubjects(ctx, rows, today, { ...count, page: query.page, pageSize: query.pageSize });
  }
  // a search: a term expected in more than twice the count cap is common — its page is found by
  // walking the date index newest first, as deep as `searchPlan.walkedRows`; any other term is
  // counted and sorted from its own matches in one pass (sortedMatches)
  const expected = await estimatedRows(ctx.db, petitions, where);
  const common = expected > searchPlan.commonAbove;
  const matches = common ? undefined : await sortedMatches(ctx, where, order, query.pageSize, offset);
  if (matches && matches.total <= COUNT_CAP) {
    const rows = matches.ids.length ? await rowsOf(sql`${`{${matches.ids.join(',')}}`}::bigint[]`) : [];
    return withSubjects(ctx, rows, today, {
      total: matches.total,
      totalCapped: false,
      page: query.page,
      pageSize: query.pageSize,
    });
  }
  // the rows in the reader's scope without the search: the share of them matching sets the depth
  const inScope = await estimatedRows(
    ctx.db,
    petitions,
    petitionWhere(actor, { ...query, q: undefined }, today),
  );
  const pageableRows = walkDepth(expected, inScope);
  if (offset + query.pageSize > pageableRows) throw tooDeep(pageableRows);
  return withSubjects(ctx, await walk(), today, {
    total: COUNT_CAP,
    totalCapped: true,
    pageableRows,
    page: query.page,
    pageSize: query.pageSize,
  });
}

/** What a common word's search adds to the list's answer: how many of its rows it pages to. */
export const pageableRows = { pageableRows: z.number().int().optional() };

/**
 * How a search pages. A term the planner expects in more than `commonAbove` rows is common; a
 * term with up to COUNT_CAP matches is sorted from its matches (one scan of
 * the search index reads them all, counts them and keeps the page's ids); a common one walks the
 * date index newest first, reading about (offset + page size) / (share of rows matching) rows —
 * so it pages only its first results (walkDepth), and a deeper page asks for a narrower search
 * (bench/results-search.md).
 */
export const searchPlan = { commonAbove: COUNT_CAP * ESTIMATE_MARGIN, walkedRows: 1_000, walkBudget: 3_000 };

/**
 * How deep a common word's walk pages: reaching row n reads about n / share rows of the date index
 * and the table (share: the matches among the rows in scope), so the walk stops where that reaches
 * `walkBudget` rows (tens of milliseconds at one client on the bench machine) — and never past `walkedRows`
 * nor short of one page of 20 (bench/results-search.md).
 */
export function walkDepth(matches: number, inScope: number, plan = searchPlan): number {
  const share = inScope > 0 ? Math.min(1, matches / inScope) : 1;
  return Math.min(plan.walkedRows, Math.max(20, Math.floor(plan.walkBudget * share)));
}

/** 400 for a page past what a common word's search pages to: the caller narrows the search. */
export const tooDeep = (rows: number) =>
  badRequest(`搜索结果较多，仅显示前 ${rows} 件，请增加筛选条件或换用更具体的词语`, {
    page: `仅显示前 ${rows} 件`,
  });

/**
 * The matches of `where` (up to COUNT_CAP + 1 of them, read through the search index in a subquery
 * under the table's own name — its LIMIT keeps the planner from folding it into the page's order
 * and walking the date index), counted and sorted in one statement: the page's ids and the total.
 * A page past the last match gives no row, hence no total: then the matches are counted apart.
 */
async function sortedMatches(
  ctx: AppContext,
  where: SQL,
  order: SQL[],
  limit: number,
  offset: number,
): Promise<{ ids: number[]; total: number }> {
  const matches = sql`(select * from ${petitions} where ${where} limit ${COUNT_CAP + 1}) as ${petitions}`;
  const res = await ctx.db.execute(
    sql`select ${petitions.id} as id, count(*) over () as total from ${matches} order by ${sql.join(order, sql`, `)} limit ${limit} offset ${offset}`,
  );
  const rows = dbRows<{ id: string | number; total: string | number }>(res);
  if (rows.length) return { ids: rows.map((r) => Number(r.id)), total: Number(rows[0].total) };
  if (offset === 0) return { ids: [], total: 0 };
  const count = await countUpToCap(ctx.db, petitions, where, COUNT_CAP);
  return { ids: [], total: count.totalCapped ? COUNT_CAP + 1 : count.total };
}

async function withSubjects<R extends Parameters<typeof overdueDays>[0] & { id: number }, T extends object>(
  ctx: AppContext,
  rows: R[],
  today: string,
  rest: T,
): Promise<Page<PetitionRowOut> & T> {
  const names = await subjectNames(
    ctx,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => ({
    ...r,
    overdueDays: overdueDays(r, today),
    subjects: names.get(r.id) ?? [],
  }));
  return { ...rest, items } as Page<PetitionRowOut> & T;
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
