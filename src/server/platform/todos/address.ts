import { and, eq } from 'drizzle-orm';
import { recusedUsers } from '../access/recusal.js';
import type { Queryable } from '../db/client.js';
import { orgs } from '../orgs/schema.js';
import { users } from '../users/schema.js';
import { roleHolders } from './recipients.js';
import { todos } from './schema.js';

/** Whom a to-do waits on: a named user, or anyone holding a role whose scope covers the org. */
export interface TodoAddress {
  orgId: number;
  assigneeUserId?: number | null;
  assigneeRole?: string | null;
}

const same = (a: TodoAddress, b: TodoAddress) =>
  a.orgId === b.orgId &&
  (a.assigneeUserId ?? null) === (b.assigneeUserId ?? null) &&
  (a.assigneeRole ?? null) === (b.assigneeRole ?? null);

/**
 * Can anyone act on a to-do so addressed, about these cadres? A named user who is active and need
 * not recuse; for a role, at least one active holder covering the org who need not recuse.
 */
export async function addressReachable(
  db: Queryable,
  address: TodoAddress,
  subjectCadreIds: number[],
): Promise<boolean> {
  if (address.assigneeUserId != null) {
    const [u] = await db
      .select({ disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, address.assigneeUserId));
    if (!u || u.disabledAt) return false;
    return !(await recusedUsers(db, [address.assigneeUserId], subjectCadreIds)).has(address.assigneeUserId);
  }
  const [org] = await db
    .select({ id: orgs.id, path: orgs.path })
    .from(orgs)
    .where(eq(orgs.id, address.orgId));
  if (!org) return false;
  return (await roleHolders(db, address.assigneeRole ?? '', org, subjectCadreIds)).length > 0;
}

/**
 * The address, or `fallback` when recusal (or nobody holding the role) leaves no one to act on it:
 * a recused person's queue item goes to the others.
 */
export async function reachableAddress(
  db: Queryable,
  address: TodoAddress,
  subjectCadreIds: number[],
  fallback?: TodoAddress | null,
): Promise<TodoAddress> {
  if (!fallback || same(address, fallback)) return address;
  return (await addressReachable(db, address, subjectCadreIds)) ? address : fallback;
}

/**
 * Re-addresses the open to-dos of a record that a new recusal has left with no one to act on them
 * to `fallback`, which is reminded afresh. Returns how many moved. Call inside the transaction of
 * the change.
 */
export async function readdressRecusedTodos(
  db: Queryable,
  ref: { recordType: string; recordId: string | number },
  fallback: TodoAddress,
): Promise<number> {
  const open = await db
    .select()
    .from(todos)
    .where(
      and(
        eq(todos.recordType, ref.recordType),
        eq(todos.recordId, String(ref.recordId)),
        eq(todos.status, 'open'),
      ),
    );
  let moved = 0;
  for (const t of open) {
    if (same(t, fallback) || (await addressReachable(db, t, t.subjectCadreIds))) continue;
    await db
      .update(todos)
      .set({
        orgId: fallback.orgId,
        assigneeUserId: fallback.assigneeUserId ?? null,
        assigneeRole: fallback.assigneeRole ?? null,
        remindedAt: null,
      })
      .where(and(eq(todos.id, t.id), eq(todos.status, 'open')));
    moved++;
  }
  return moved;
}
