import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { registerRecordType, requireAccess } from '../access/scope.js';
import type { Queryable } from '../db/client.js';
import { users } from './schema.js';

// A user account sits in its org; a self-scoped caller owns only their own account.
registerRecordType('user', async (db, ids) => {
  const rows = await db
    .select({ id: users.id, orgId: users.orgId })
    .from(users)
    .where(inArray(users.id, ids.map(Number)));
  return rows.map((r) => ({ id: String(r.id), orgId: r.orgId, ownerUserId: r.id }));
});

/** Loads a user the caller may see; another scope's user is a 404, audited as a denial. */
export async function loadUser(db: Queryable, actor: Actor, id: number) {
  await requireAccess(db, actor, 'user', [id]);
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

export type UserRow = typeof users.$inferSelect;
