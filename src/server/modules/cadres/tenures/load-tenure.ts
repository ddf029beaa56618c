import { asc, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import { requireAccess } from '../../../platform/access/scope.js';
import type { Queryable } from '../../../platform/db/client.js';
import { notFound } from '../../../platform/http/errors.js';
import { orgs } from '../../../platform/orgs/schema.js';
import '../load-cadre.js';
import { tenures } from '../schema.js';
import type { TenureOut } from './contract.js';

/** A tenure whose cadre the caller may see; otherwise 404 (audited when out of scope or recused). */
export async function loadTenure(db: Queryable, actor: Actor, id: number) {
  const [row] = await db.select().from(tenures).where(eq(tenures.id, id));
  if (!row) throw notFound('任职记录不存在');
  await requireAccess(db, actor, 'cadre', [row.cadreId]);
  return row;
}

/** A cadre's tenures, latest first, with the org names (none for a 简历 post outside the registry). */
export async function tenuresOf(db: Queryable, cadreId: number): Promise<TenureOut[]> {
  const rows = await db
    .select({ tenure: tenures, orgName: orgs.name })
    .from(tenures)
    .leftJoin(orgs, eq(orgs.id, tenures.orgId))
    .where(eq(tenures.cadreId, cadreId))
    .orderBy(desc(tenures.startDate), asc(tenures.id));
  return rows.map(({ tenure: t, orgName }) => ({
    id: t.id,
    cadreId: t.cadreId,
    positionId: t.positionId,
    orgId: t.orgId,
    orgName,
    title: t.title,
    level: t.level,
    isPrincipal: t.isPrincipal,
    managesFunds: t.managesFunds,
    startDate: t.startDate,
    endDate: t.endDate,
    endReason: t.endReason,
    probationEnd: t.probationEnd,
    note: t.note,
    source: t.source,
    version: t.version,
  }));
}
