import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import { orgInScope } from '../../../platform/access/scope.js';
import type { Queryable } from '../../../platform/db/client.js';
import { notFound, outOfScope } from '../../../platform/http/errors.js';
import { positions } from '../schema.js';

/** A live position of an org in the caller's scope; elsewhere a 404, audited as a denial. */
export async function loadPosition(db: Queryable, actor: Actor, id: number) {
  const [row] = await db
    .select()
    .from(positions)
    .where(and(eq(positions.id, id), isNull(positions.deletedAt)));
  if (!row) throw notFound('职务不存在');
  if (!(await orgInScope(db, actor, row.orgId))) throw outOfScope();
  return row;
}
