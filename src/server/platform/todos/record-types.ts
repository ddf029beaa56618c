import { inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../access/actor.js';

/*
 * What a to-do's record type asks of someone who is not its assignee. A to-do carries its record's
 * title (a petition's 反映事由, a policy's name), so anything that shows other people's to-dos — the
 * dashboard's "who is late on what" — shows a to-do only to a caller holding the permission that
 * opens its record. A record type nobody registered is shown to nobody but its assignee.
 */
const readPermissions = new Map<string, string>();

/** A module names, once, the permission that opens the records its to-dos stand for. */
export function registerTodoRecordType(recordType: string, readPermission: string): void {
  readPermissions.set(recordType, readPermission);
}

/** Every registered record type and the permission that opens its records. */
export const registeredTodoTypes = (): ReadonlyMap<string, string> => readPermissions;

/** The record types whose records the caller may open. */
export function readableTodoTypes(actor: Actor): string[] {
  return [...readPermissions].filter(([, p]) => actor.permissions.has(p)).map(([t]) => t);
}

/** A condition on a to-do's record type: only types the caller may open (none: no row). */
export function readableTodoTypeFilter(actor: Actor, recordTypeColumn: PgColumn): SQL {
  const types = readableTodoTypes(actor);
  return types.length ? inArray(recordTypeColumn, types) : sql`false`;
}
