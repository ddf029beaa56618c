import { and, eq } from 'drizzle-orm';
import type { Clock } from '../context.js';
import type { Queryable } from '../db/client.js';
import { todos } from './schema.js';

interface RecordRef {
  recordType: string;
  recordId: string | number;
  /** Only the to-dos addressed to this org (one office's part of the record's work). */
  orgId?: number;
}

async function closeOpen(db: Queryable, clock: Clock, ref: RecordRef, status: 'done' | 'cancelled') {
  const rows = await db
    .update(todos)
    .set({ status, doneAt: clock.now() })
    .where(
      and(
        eq(todos.recordType, ref.recordType),
        eq(todos.recordId, String(ref.recordId)),
        eq(todos.status, 'open'),
        ref.orgId === undefined ? undefined : eq(todos.orgId, ref.orgId),
      ),
    )
    .returning({ id: todos.id });
  return rows.length;
}

/** The thing waited on is done (accepted, replied, concluded): its open to-dos move to 已办. Returns how many. */
export const completeTodos = (db: Queryable, clock: Clock, ref: RecordRef) =>
  closeOpen(db, clock, ref, 'done');

/** The record no longer needs the work (withdrawn, merged, deleted): its open to-dos disappear. */
export const cancelTodos = (db: Queryable, clock: Clock, ref: RecordRef) =>
  closeOpen(db, clock, ref, 'cancelled');
