import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { orgInScope } from '../access/scope.js';
import type { Queryable } from '../db/client.js';
import { notFound, outOfScope } from '../http/errors.js';
import { orgs } from './schema.js';

/** Loads a live org the caller may see; another scope's org is a 404 (audited as a denial). */
export async function loadOrg(db: Queryable, actor: Actor, id: number) {
  const [org] = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, id), isNull(orgs.deletedAt)));
  if (!org) throw notFound('组织不存在');
  if (!(await orgInScope(db, actor, org.id))) throw outOfScope();
  return org;
}
