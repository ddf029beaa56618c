import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { chinaDate } from '../../../../domain/calendar.js';
import { queryTokens } from '../../../../domain/search-tokens.js';
import type { AppContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { disclosures as d, disclosureItemTypes } from '../schema.js';
import { newestFirst, publicRow, rowColumns } from './board.js';
import type { searchQuery, unitItemsQuery } from './contract.js';
import { publicDisclosure, publicTypesOf, publicUnit } from './visible.js';

const SEARCH_PAGE = 20;

/** A unit's public items, newest first, one type or all, a page at a time (counted and read in the database). */
export async function unitItems(ctx: AppContext, id: number, q: z.infer<typeof unitItemsQuery>) {
  const unit = await publicUnit(ctx.db, id);
  const today = chinaDate(ctx.clock.now());
  const types = ctx.db
    .select({ id: disclosureItemTypes.id })
    .from(disclosureItemTypes)
    .where(publicTypesOf(unit));
  const where = and(
    eq(d.orgId, unit.id),
    q.type ? eq(d.itemTypeId, q.type) : undefined,
    inArray(d.itemTypeId, types),
    publicDisclosure(today),
  );
  const [[{ total }], rows] = await Promise.all([
    ctx.db.select({ total: count() }).from(d).where(where),
    ctx.db
      .select(rowColumns)
      .from(d)
      .innerJoin(orgs, eq(orgs.id, d.orgId))
      .innerJoin(disclosureItemTypes, eq(disclosureItemTypes.id, d.itemTypeId))
      .where(where)
      .orderBy(...newestFirst)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
  ]);
  return { items: rows.map(publicRow), total, page: q.page, pageSize: q.pageSize };
}

/** One public item: a published one whole (its table, its metadata); a withdrawn one as its notice only. */
export async function publicItem(ctx: AppContext, id: number) {
  const today = chinaDate(ctx.clock.now());
  const [r] = await ctx.db
    .select({
      ...rowColumns,
      body: d.body,
      finance: d.finance,
      issuingBody: d.issuingBody,
      issuedOn: d.issuedOn,
      docNumber: d.docNumber,
      withdrawReason: d.withdrawReason,
      basis: disclosureItemTypes.basis,
      timeLimit: disclosureItemTypes.timeLimit,
      subject: disclosureItemTypes.subject,
    })
    .from(d)
    .innerJoin(orgs, eq(orgs.id, d.orgId))
    .innerJoin(disclosureItemTypes, eq(disclosureItemTypes.id, d.itemTypeId))
    .where(and(eq(d.id, id), publicDisclosure(today), eq(disclosureItemTypes.mode, 'active')));
  if (!r) throw notFound('该公开事项不存在或尚未公开');
  const row = publicRow(r);
  const catalogue = { basis: r.basis, timeLimit: r.timeLimit, subject: r.subject };
  if (row.withdrawn)
    return {
      ...row,
      body: null,
      finance: null,
      issuingBody: r.issuingBody,
      issuedOn: null,
      docNumber: null,
      withdrawReason: r.withdrawReason,
      catalogue,
    };
  return {
    ...row,
    body: r.body,
    finance: (r.finance as never) ?? null,
    issuingBody: r.issuingBody,
    issuedOn: r.issuedOn,
    docNumber: r.docNumber,
    withdrawReason: null,
    catalogue,
  };
}

/**
 * How far the search counts for `page`: 1,000 matches (50 pages), or ten pages past the one asked
 * for, at most 10,000 (500 pages of 20, the last page the query allows). A common phrase's total is
 * then “1,000+” (`totalCapped`): counting all its matches visited one heap row each (10,000 rows,
 * the bulk of the search's time at 500,000 items) to draw a pager nobody walks to the end.
 */
export const searchCountCap = (page: number) => Math.min(10_000, Math.max(1_000, (page + 10) * SEARCH_PAGE));

/**
 * Search over published items (never a withdrawn one): every token of the query in the item's
 * title or body, newest first, within a township when asked. The total is counted from
 * `disclosures_portal_search_idx` up to `searchCountCap` (`totalCapped`: there are more). Across the district a common phrase (its matches at least
 * 25 times the rows up to the page) is first looked for among the newest published items
 * (`disclosures_published_order_idx`, 100 rows per wanted row): the planner, taking a phrase's
 * bigrams as independent, would otherwise fetch and sort every match (50,000 for 财务收支 at
 * 500,000 items). The window's page is kept only when it holds all the page's rows; else the
 * matches are read from the search index and sorted.
 */
export async function searchItems(ctx: AppContext, q: z.infer<typeof searchQuery>) {
  const today = chinaDate(ctx.clock.now());
  const tokens = queryTokens(q.q);
  if (!tokens.length) return { items: [], total: 0, totalCapped: false, page: q.page, pageSize: SEARCH_PAGE };
  const wanted = sql`ARRAY[${sql.join(
    tokens.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[]`;
  // within a township its units' items come from `disclosures_portal_idx` (a few thousand rows) and
  // the tokens filter them: the search index would be read once per unit
  const where = and(
    q.township ? sql`(${d.searchTokens} || '{}'::text[]) @> ${wanted}` : sql`${d.searchTokens} @> ${wanted}`,
    eq(disclosureItemTypes.mode, 'active'),
    q.township
      ? sql`${orgs.path} like (select o.path from ${orgs} o where o.id = ${q.township}) || '%'`
      : undefined,
  );
  const published = and(
    sql`${d.status} = 'published'`,
    sql`(${d.publishedOn} <= ${today} or ${d.publishedOn} is null)`,
  );
  const matched = ctx.db
    .select({ one: sql`1` })
    .from(d)
    .innerJoin(orgs, eq(orgs.id, d.orgId))
    .innerJoin(disclosureItemTypes, eq(disclosureItemTypes.id, d.itemTypeId))
    .where(and(published, where))
    .limit(searchCountCap(q.page))
    .as('matched');
  const [{ total }] = await ctx.db.select({ total: count() }).from(matched);
  const totalCapped = total >= searchCountCap(q.page);
  const offset = (q.page - 1) * SEARCH_PAGE;
  if (offset >= total) return { items: [], total, totalCapped, page: q.page, pageSize: SEARCH_PAGE };
  const full = Math.min(SEARCH_PAGE, total - offset);
  // a capped total is a lower bound: the phrase is common at least that much
  if (!q.township && ((offset + SEARCH_PAGE) * 25 <= total || totalCapped)) {
    const newest = ctx.db
      .select()
      .from(d)
      .where(published)
      .orderBy(...newestFirst)
      .limit(Math.min(20_000, (offset + SEARCH_PAGE) * 100))
      .as('disclosures');
    const rows = await ctx.db
      .select(rowColumns)
      .from(newest)
      .innerJoin(orgs, eq(orgs.id, d.orgId))
      .innerJoin(disclosureItemTypes, eq(disclosureItemTypes.id, d.itemTypeId))
      .where(where)
      .orderBy(...newestFirst)
      .limit(SEARCH_PAGE)
      .offset(offset);
    if (rows.length === full)
      return { items: rows.map(publicRow), total, totalCapped, page: q.page, pageSize: SEARCH_PAGE };
  }
  const rows = await ctx.db
    .select(rowColumns)
    .from(d)
    .innerJoin(orgs, eq(orgs.id, d.orgId))
    .innerJoin(disclosureItemTypes, eq(disclosureItemTypes.id, d.itemTypeId))
    .where(and(published, where))
    .orderBy(...newestFirst)
    .limit(SEARCH_PAGE)
    .offset(offset);
  return { items: rows.map(publicRow), total, totalCapped, page: q.page, pageSize: SEARCH_PAGE };
}
