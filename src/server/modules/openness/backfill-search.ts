import { and, eq, sql } from 'drizzle-orm';
import { searchTokens } from '../../../domain/search-tokens.js';
import type { AppContext } from '../../platform/context.js';
import { disclosures } from './schema.js';

/**
 * Published items without search tokens — published before the portal's search existed (migration
 * 0036 added the column empty) — get them, a batch per run, so the portal's search finds every
 * published item. Returns how many were filled.
 */
export async function backfillSearchTokens(ctx: AppContext, batch = 500): Promise<number> {
  const rows = await ctx.db
    .select({ id: disclosures.id, title: disclosures.title, body: disclosures.body })
    .from(disclosures)
    .where(and(eq(disclosures.status, 'published'), sql`cardinality(${disclosures.searchTokens}) = 0`))
    .limit(batch);
  for (const r of rows)
    await ctx.db
      .update(disclosures)
      .set({ searchTokens: searchTokens(r.title, r.body) })
      .where(eq(disclosures.id, r.id));
  return rows.length;
}
