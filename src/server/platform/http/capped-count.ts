import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Queryable } from '../db/client.js';
import { rowsOf } from '../db/rows.js';

/**
 * Counting every match of a broad filter over a large table costs more than the page itself; a
 * list's count stops at this many, and the answer says it is a lower bound ("超过 10000 条").
 */
export const COUNT_CAP = 10_000;

/** What a capped list adds to the one list shape. */
export const cappedTotal = { totalCapped: z.boolean() };

/**
 * How far above the cap the planner's estimate must be before a list believes it without counting:
 * far enough that a misjudged estimate still leaves the true count above the cap.
 */
export const ESTIMATE_MARGIN = 2;

/**
 * Counts the rows of `table` matching `where`, stopping after `cap`: `{ total, totalCapped }`.
 * With `estimateFirst`, the planner's estimate is asked first (EXPLAIN, no rows read); when it is
 * twice the cap or more — a common word searched across a district — the count is not run and the
 * answer is "more than the cap". Estimates of a few thousand are counted, so they stay exact.
 */
export async function countUpToCap(
  db: Queryable,
  table: PgTable,
  where: SQL | undefined,
  cap = COUNT_CAP,
  opts: { estimateFirst?: boolean } = {},
): Promise<{ total: number; totalCapped: boolean }> {
  if (opts.estimateFirst && (await estimatedRows(db, table, where)) > cap * ESTIMATE_MARGIN)
    return { total: cap, totalCapped: true };
  const inner = db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(cap + 1)
    .as('m');
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(inner);
  const count = Number(n);
  return { total: Math.min(count, cap), totalCapped: count > cap };
}

/** The planner's estimate of the rows matching `where` (EXPLAIN: planned, not run). */
export async function estimatedRows(db: Queryable, table: PgTable, where: SQL | undefined): Promise<number> {
  const query = db.select({ one: sql`1` }).from(table).where(where);
  const plan = await db.execute(sql`explain (format json) ${query}`);
  const [row] = rowsOf<Record<string, unknown>>(plan);
  const json = Object.values(row)[0];
  const parsed = (typeof json === 'string' ? JSON.parse(json) : json) as { Plan: { 'Plan Rows': number } }[];
  return Number(parsed[0].Plan['Plan Rows']);
}
