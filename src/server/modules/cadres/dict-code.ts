import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { dictItems } from '../../platform/dictionaries/schema.js';
import { badRequest } from '../../platform/http/errors.js';

/** A code must be an enabled item of its dictionary; otherwise a 400 on the field. */
export async function requireDictCode(
  db: Queryable,
  type: string,
  code: string,
  field: string,
  message: string,
): Promise<void> {
  const [item] = await db
    .select({ id: dictItems.id })
    .from(dictItems)
    .where(and(eq(dictItems.typeCode, type), eq(dictItems.code, code), eq(dictItems.enabled, true)));
  if (!item) throw badRequest(message, { [field]: message });
}

/** Labels of a dictionary's items by code, for text the server writes (timeline entries). */
export async function dictLabels(db: Queryable, type: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: dictItems.code, label: dictItems.label })
    .from(dictItems)
    .where(eq(dictItems.typeCode, type));
  return new Map(rows.map((r) => [r.code, r.label]));
}
