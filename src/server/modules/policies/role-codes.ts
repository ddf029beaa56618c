import { inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { roles } from '../../platform/users/schema.js';

/** The role codes among these that name no role. */
export async function unknownRoleCodes(db: Queryable, codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  const found = await db.select({ code: roles.code }).from(roles).where(inArray(roles.code, codes));
  const known = new Set(found.map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}
