import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recusalArrayFilter } from '../../platform/access/recusal.js';
import {
  registerRecordType,
  requireAccess,
  scopeFilter,
  scopeFilterForList,
} from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { appointmentCases, appointmentEvents } from './schema.js';

// A selection case sits in its org and is about every candidate: they and users related to them
// never see it, nor its to-dos.
registerRecordType('appointment', async (db, ids) => {
  const rows = await db
    .select({
      id: appointmentCases.id,
      orgId: appointmentCases.orgId,
      subjects: appointmentCases.subjectCadreIds,
    })
    .from(appointmentCases)
    .where(inArray(appointmentCases.id, ids.map(Number)));
  return rows.map((r) => ({ id: String(r.id), orgId: r.orgId, subjectCadreIds: r.subjects }));
});
registerTodoRecordType('appointment', 'appointment.read');

export type CaseRow = typeof appointmentCases.$inferSelect;

/** The cases the caller may see: in scope, none of their candidates the caller or related to them. */
export function caseVisibility(actor: Actor): SQL | undefined {
  return and(
    scopeFilter(actor, appointmentCases.orgId),
    recusalArrayFilter(actor, appointmentCases.subjectCadreIds),
  );
}

/** The same for the list, read in its order (the district's: see `scopeFilterForList`). */
export function caseListVisibility(actor: Actor): SQL | undefined {
  return and(
    scopeFilterForList(actor, appointmentCases.orgId),
    recusalArrayFilter(actor, appointmentCases.subjectCadreIds),
  );
}

/** A case the caller may see; otherwise 404 (audited when out of scope or recused). */
export async function loadCase(db: Queryable, actor: Actor, id: number): Promise<CaseRow> {
  await requireAccess(db, actor, 'appointment', [id]);
  const [row] = await db.select().from(appointmentCases).where(eq(appointmentCases.id, id));
  if (!row) throw notFound('选拔任用事项不存在');
  return row;
}

/** The same for a change, locked: the version the caller edited must still be the case's. */
export async function loadForChange(db: Queryable, actor: Actor, id: number, version: number) {
  await requireAccess(db, actor, 'appointment', [id]);
  const [row] = await db.select().from(appointmentCases).where(eq(appointmentCases.id, id)).for('update');
  if (!row) throw notFound('选拔任用事项不存在');
  if (row.version !== version) throw conflict();
  return row;
}

export async function bumpVersion(db: Queryable, row: CaseRow, set: Partial<CaseRow>, now: Date) {
  const [saved] = await db
    .update(appointmentCases)
    .set({ ...set, version: row.version + 1, updatedAt: now })
    .where(and(eq(appointmentCases.id, row.id), eq(appointmentCases.version, row.version)))
    .returning();
  if (!saved) throw conflict();
  return saved;
}

export async function addEvent(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor | null,
  caseId: number,
  action: string,
  extra: { reason?: string | null; detail?: Record<string, unknown>; occurredOn?: string } = {},
) {
  const now = ctx.clock.now();
  await tx.insert(appointmentEvents).values({
    caseId,
    action,
    occurredOn: extra.occurredOn ?? chinaDate(now),
    at: now,
    userId: actor?.userId ?? null,
    userName: actor?.displayName ?? null,
    reason: extra.reason ?? null,
    detail: extra.detail ?? null,
  });
}
