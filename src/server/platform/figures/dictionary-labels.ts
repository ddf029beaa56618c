import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { dictItems } from '../dictionaries/schema.js';

/** A dictionary's labels and order, for the groups of a figure broken down by one of its codes. */
export async function dictionaryLabels(db: Queryable, typeCode: string) {
  const rows = await db
    .select({ code: dictItems.code, label: dictItems.label })
    .from(dictItems)
    .where(eq(dictItems.typeCode, typeCode))
    .orderBy(asc(dictItems.sort), asc(dictItems.id));
  const labels = new Map(rows.map((r) => [r.code, r.label]));
  const order = new Map(rows.map((r, i) => [r.code, i]));
  return {
    label: (code: string | null, none: string) => (code === null ? none : (labels.get(code) ?? code)),
    /** Dictionary order, then unknown codes, then “none” last. */
    rank: (code: string | null) => (code === null ? 10_000 : (order.get(code) ?? 9_999)),
  };
}
