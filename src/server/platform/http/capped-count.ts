import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Queryable } from '../db/client.js';

/**
 * Counting every match of a broad filter over a large table costs more than the page itself; a
 * list's count stops at this many, and the answer says it is a lower bound ("超过 10000 条").
 */
export const COUNT_CAP = 10_000;

/** What a capped list adds to the one list shape. */
export const cappedTotal = { totalCapped: z.boolean() };

/** Counts the rows of `table` matching `where`, stopping after `cap`: `{ total, totalCapped }`. */
export async function countUpToCap(
  db: Queryable,
  table: PgTable,
  where: SQL | undefined,
  cap = COUNT_CAP,
): Promise<{ total: number; totalCapped: boolean }> {
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
