import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/access/actor.js';
import {
  recusalFilter,
  registerRecordType,
  requireAccess,
  scopeFilter,
  scopeFilterForList,
} from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { notFound } from '../../platform/http/errors.js';
import { admonitions, inquiries } from './schema.js';

// Both records are about one cadre: that cadre's own account and related users never see them
// through the officers' routes (a cadre reads its own inquiries only through /me/inquiries).
for (const [type, table] of [
  ['admonition', admonitions],
  ['inquiry', inquiries],
] as const)
  registerRecordType(type, async (db, ids) => {
    const rows = await db
      .select({ id: table.id, orgId: table.orgId, cadreId: table.cadreId })
      .from(table)
      .where(inArray(table.id, ids.map(Number)));
    return rows.map((r) => ({ id: String(r.id), orgId: r.orgId, subjectCadreIds: [r.cadreId] }));
  });

/** Lists and figures: the caller's scope and recusal, in the query. */
export const visibleTo = (actor: Actor, orgId: PgColumn, cadreId: PgColumn): SQL | undefined =>
  and(scopeFilter(actor, orgId), recusalFilter(actor, cadreId));

/** The same for a list read in its order (the district's lists: see `scopeFilterForList`). */
export const visibleInList = (actor: Actor, orgId: PgColumn, cadreId: PgColumn): SQL | undefined =>
  and(scopeFilterForList(actor, orgId), recusalFilter(actor, cadreId));

export type Admonition = typeof admonitions.$inferSelect;
export type Inquiry = typeof inquiries.$inferSelect;

/** An admonition the caller may see (scope, recusal), else 404 audited as a denial. */
export async function loadAdmonition(
  db: Queryable,
  actor: Actor,
  id: number,
  lock = false,
): Promise<Admonition> {
  await requireAccess(db, actor, 'admonition', [id]);
  const q = db.select().from(admonitions).where(eq(admonitions.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('诫勉记录不存在');
  return row;
}

export async function loadInquiry(db: Queryable, actor: Actor, id: number, lock = false): Promise<Inquiry> {
  await requireAccess(db, actor, 'inquiry', [id]);
  const q = db.select().from(inquiries).where(eq(inquiries.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('函询记录不存在');
  return row;
}
