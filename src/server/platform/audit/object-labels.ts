import { inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { orgs } from '../orgs/schema.js';
import { roles, users } from '../users/schema.js';

/**
 * How the audit log names the object of a record: a petition by its number (XF2026-0074), a cadre
 * by name, a user by name and account — never a database id alone. Each module registers the
 * labeller of its record types; a labeller returns labels by id and leaves out what it cannot name.
 * Labels carry no case content: a number or a name, never a title or a text.
 */
export type ObjectLabeller = (db: Queryable, ids: string[]) => Promise<Map<string, string>>;

const labellers = new Map<string, ObjectLabeller>();

export function registerObjectLabeller(objectType: string, labeller: ObjectLabeller): void {
  labellers.set(objectType, labeller);
}

const numeric = (ids: string[]) => ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);

/** The label of each (objectType, objectId) of the rows, one query per type. */
export async function objectLabels(
  db: Queryable,
  rows: { objectType: string | null; objectId: string | null }[],
): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const r of rows)
    if (r.objectType && r.objectId && labellers.has(r.objectType))
      byType.set(r.objectType, (byType.get(r.objectType) ?? new Set()).add(r.objectId));
  const out = new Map<string, string>();
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      const labels = await labellers.get(type)!(db, [...ids]);
      for (const [id, label] of labels) out.set(`${type}:${id}`, label);
    }),
  );
  return out;
}

// the platform's own record types
registerObjectLabeller('user', async (db, ids) => {
  const n = numeric(ids);
  if (!n.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName, username: users.username })
    .from(users)
    .where(inArray(users.id, n));
  return new Map(rows.map((r) => [String(r.id), `${r.name}（${r.username}）`]));
});
registerObjectLabeller('org', async (db, ids) => {
  const n = numeric(ids);
  if (!n.length) return new Map();
  const rows = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, n));
  return new Map(rows.map((r) => [String(r.id), r.name]));
});
registerObjectLabeller('role', async (db, ids) => {
  const n = numeric(ids);
  if (!n.length) return new Map();
  const rows = await db.select({ id: roles.id, name: roles.name }).from(roles).where(inArray(roles.id, n));
  return new Map(rows.map((r) => [String(r.id), r.name]));
});
