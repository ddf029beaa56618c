import { and, inArray, isNull } from 'drizzle-orm';
import type { ResponsibleRole } from '../../../domain/appointments/responsibility.js';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest } from '../../platform/http/errors.js';
import { cadres, positions } from '../cadres/schema.js';
import type { PersonRef } from './contract.js';
import { appointmentResponsibles } from './schema.js';

const refused = (field: string, message: string) => badRequest(message, { [field]: message });

/** Registry cadres the caller may act on (in scope, not deleted), by id; else a 400 naming the field. */
export async function requireCadres(db: Queryable, actor: Actor, ids: { id: number; field: string }[]) {
  const wanted = [...new Set(ids.map((x) => x.id))];
  const rows = wanted.length
    ? await db
        .select({ id: cadres.id, name: cadres.name, orgId: cadres.orgId })
        .from(cadres)
        .where(and(inArray(cadres.id, wanted), isNull(cadres.deletedAt)))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const x of ids) {
    const c = byId.get(x.id);
    if (!c || !(await orgInScope(db, actor, c.orgId)))
      throw refused(x.field, '干部不存在或不在您的管理范围内');
  }
  return byId;
}

/** Live positions of orgs in the caller's scope, by id; else a 400 naming the field. */
export async function requirePositions(db: Queryable, actor: Actor, ids: { id: number; field: string }[]) {
  const wanted = [...new Set(ids.map((x) => x.id))];
  const rows = wanted.length
    ? await db
        .select()
        .from(positions)
        .where(and(inArray(positions.id, wanted), isNull(positions.deletedAt)))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const x of ids) {
    const p = byId.get(x.id);
    if (!p || !(await orgInScope(db, actor, p.orgId)))
      throw refused(x.field, '职务不存在或不在您的管理范围内');
  }
  return byId;
}

/** Writes the people who answered for a step (their names read from the registry when cadres). */
export async function writeResponsibles(
  db: Queryable,
  actor: Actor,
  caseId: number,
  role: ResponsibleRole,
  people: PersonRef[],
  field: string,
) {
  const named = people.flatMap((p, i) => (p.cadreId ? [{ id: p.cadreId, field: `${field}.${i}` }] : []));
  const known = await requireCadres(db, actor, named);
  const rows = people.map((p) => ({
    caseId,
    role,
    cadreId: p.cadreId ?? null,
    name: p.cadreId ? known.get(p.cadreId)!.name : p.name!.trim(),
  }));
  if (rows.length) await db.insert(appointmentResponsibles).values(rows);
}
