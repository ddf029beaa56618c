import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { notFound, outOfScope, unprocessable } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { disclosureItemTypes, disclosures } from './schema.js';

export type Unit = { id: number; name: string; kind: string; path: string };
export type ItemTypeRow = typeof disclosureItemTypes.$inferSelect;
export type DisclosureRow = typeof disclosures.$inferSelect;

/** The org kinds that publish at each catalogue level. */
export const LEVEL_OF_KIND: Record<string, string> = {
  township: 'township',
  department: 'department',
  village: 'village',
};

export async function loadUnit(db: Queryable, orgId: number): Promise<Unit | null> {
  const [o] = await db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.id, orgId), isNull(orgs.deletedAt)));
  return o ?? null;
}

/** A unit inside the caller's scope that publishes (a township, department or village), or 404 / 422 naming `field`. */
export async function loadScopedUnit(
  db: Queryable,
  actor: Actor,
  orgId: number,
  field = 'orgId',
): Promise<Unit> {
  const unit = await loadUnit(db, orgId);
  if (!unit) throw unprocessable('单位不存在', { [field]: '单位不存在' });
  if (!(await orgInScope(db, actor, orgId))) throw outOfScope();
  if (!LEVEL_OF_KIND[unit.kind])
    throw unprocessable('该组织不是公开单位（乡镇、站所或行政村）', {
      [field]: '该组织不是公开单位（乡镇、站所或行政村）',
    });
  return unit;
}

const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);

/** The township a unit belongs to (itself for a township), for its catalogue and escalation. */
export async function townshipOf(db: Queryable, unit: Unit): Promise<Unit | null> {
  const [t] = await db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, path: orgs.path })
    .from(orgs)
    .where(
      and(
        inArray(orgs.id, pathIds(unit.path).length ? pathIds(unit.path) : [unit.id]),
        eq(orgs.kind, 'township'),
      ),
    );
  return t ?? null;
}

/** The catalogue a unit uses: the default types and those its township (or an org above) added. */
export function typesForUnit(unit: Unit): SQL {
  const ids = pathIds(unit.path);
  return and(
    eq(disclosureItemTypes.level, LEVEL_OF_KIND[unit.kind] ?? '-'),
    or(isNull(disclosureItemTypes.orgId), ids.length ? inArray(disclosureItemTypes.orgId, ids) : sql`false`),
  )!;
}

/** The catalogue rows a caller sees: the default, those of the orgs above them and those of their scope. */
export function typesVisible(actor: Actor): SQL | undefined {
  if (actor.dataScope === 'all') return undefined;
  const below = actor.dataScope === 'subtree' ? sql` or o.path like ${`${actor.orgPath}%`}` : sql``;
  return or(
    isNull(disclosureItemTypes.orgId),
    sql`exists (select 1 from ${orgs} o where o.id = ${disclosureItemTypes.orgId} and (${actor.orgPath} like o.path || '%'${below}))`,
  );
}

/** The default catalogue is the district's to edit (a caller at the top of the tree); a township's own types, its scope's. */
export async function mayEditType(db: Queryable, actor: Actor, orgId: number | null): Promise<boolean> {
  if (!actor.permissions.has('disclosure.catalogue')) return false;
  if (orgId == null) return actor.dataScope === 'all' || pathIds(actor.orgPath).length === 1;
  return orgInScope(db, actor, orgId);
}

/** An item type the unit may publish under, or 422 naming `itemTypeId`. */
export async function loadTypeForUnit(db: Queryable, unit: Unit, itemTypeId: number): Promise<ItemTypeRow> {
  const [t] = await db
    .select()
    .from(disclosureItemTypes)
    .where(
      and(eq(disclosureItemTypes.id, itemTypeId), typesForUnit(unit), eq(disclosureItemTypes.active, true)),
    );
  if (!t)
    throw unprocessable('该单位的公开目录中没有这一公开事项', {
      itemTypeId: '该单位的公开目录中没有这一公开事项',
    });
  return t;
}

/** A disclosure inside the caller's scope, or 404 (audited as a denial when it exists outside). */
export async function loadDisclosure(
  db: Queryable,
  actor: Actor,
  id: number,
  lock = false,
): Promise<DisclosureRow> {
  const q = db.select().from(disclosures).where(eq(disclosures.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('公开事项不存在');
  if (!(await orgInScope(db, actor, row.orgId))) throw outOfScope();
  return row;
}
