import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { recusalArrayFilter } from '../../platform/access/recusal.js';
import {
  registerRecordType,
  requireAccess,
  scopeFilter,
  scopeFilterForList,
} from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { accountabilityRecords } from './schema.js';

// An accountability record sits in its org's register and is about every registry cadre among its
// persons: those cadres and users related to them never see it (nor its to-dos).
registerRecordType('accountability', async (db, ids) => {
  const rows = await db
    .select({
      id: accountabilityRecords.id,
      orgId: accountabilityRecords.orgId,
      subjects: accountabilityRecords.subjectCadreIds,
    })
    .from(accountabilityRecords)
    .where(inArray(accountabilityRecords.id, ids.map(Number)));
  return rows.map((r) => ({ id: String(r.id), orgId: r.orgId, subjectCadreIds: r.subjects }));
});
registerTodoRecordType('accountability', 'accountability.read');

/**
 * The records the caller may see: in scope, none of their persons the caller or related to them.
 * `forList`: read in the register's order (the district's: see `scopeFilterForList`).
 */
export function recordVisibility(actor: Actor, opts: { forList?: boolean } = {}): SQL | undefined {
  return and(
    opts.forList
      ? scopeFilterForList(actor, accountabilityRecords.orgId)
      : scopeFilter(actor, accountabilityRecords.orgId),
    recusalArrayFilter(actor, accountabilityRecords.subjectCadreIds),
  );
}

export type RecordRow = typeof accountabilityRecords.$inferSelect;

/** A record the caller may see; otherwise 404 (audited when out of scope or recused). */
export async function loadRecord(db: Queryable, actor: Actor, id: number): Promise<RecordRow> {
  await requireAccess(db, actor, 'accountability', [id]);
  const [row] = await db.select().from(accountabilityRecords).where(eq(accountabilityRecords.id, id));
  if (!row) throw notFound('追究事项不存在');
  return row;
}

/** The same, for a change: the version the caller edited must still be the record's. */
export async function loadForChange(db: Queryable, actor: Actor, id: number, version: number) {
  const row = await loadRecord(db, actor, id);
  if (row.version !== version) throw conflict();
  return row;
}

/** Bumps the version, guarded: a concurrent writer gets 409. */
export async function bumpVersion(db: Queryable, row: RecordRow, set: Partial<RecordRow>, now: Date) {
  const [saved] = await db
    .update(accountabilityRecords)
    .set({ ...set, version: row.version + 1, updatedAt: now })
    .where(and(eq(accountabilityRecords.id, row.id), eq(accountabilityRecords.version, row.version)))
    .returning();
  if (!saved) throw conflict();
  return saved;
}
