import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../server/platform/db/client.js';
import { orgs } from '../../server/platform/orgs/schema.js';
import { users } from '../../server/platform/users/schema.js';

export interface DemoOrg {
  id: number;
  kind: string;
  path: string;
}

/**
 * Every live org by its name path, e.g. `新城区/大兴镇/东风村/第一村民小组` (names repeat across
 * townships, paths do not): later demo steps find where to put their records with it.
 */
export async function demoOrgs(db: Queryable): Promise<Map<string, DemoOrg>> {
  const all = await db.select().from(orgs).where(isNull(orgs.deletedAt));
  const names = new Map(all.map((o) => [o.id, o.name]));
  const out = new Map<string, DemoOrg>();
  for (const o of all) {
    const ids = o.path.split('/').filter(Boolean).map(Number);
    out.set(ids.map((id) => names.get(id) ?? '?').join('/'), { id: o.id, kind: o.kind, path: o.path });
  }
  return out;
}

/** A demo account by username (`daxing_org_officer` …), or an error naming it. */
export async function demoUser(db: Queryable, username: string) {
  const [u] = await db
    .select({ id: users.id, orgId: users.orgId, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.username, username), isNull(users.disabledAt)));
  if (!u) throw new Error(`demo user ${username} missing: run the platform step first`);
  return u;
}
