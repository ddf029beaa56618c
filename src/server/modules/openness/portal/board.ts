import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/calendar.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { disclosures as d, disclosureItemTypes } from '../schema.js';
import { publicDisclosure, publicTypesOf, publicUnit, townshipName } from './visible.js';

const LATEST = 3;

/** The columns a list row reads; a withdrawn item's title and content are not among what it shows. */
export const rowColumns = {
  id: d.id,
  orgId: d.orgId,
  orgName: orgs.name,
  typeId: d.itemTypeId,
  typeName: disclosureItemTypes.name,
  status: d.status,
  title: d.title,
  period: d.period,
  indexNo: d.indexNo,
  publishedOn: d.publishedOn,
  withdrawnOn: d.withdrawnOn,
  procedure: d.procedure,
};
type Procedure = { basis: string; conditions: string; steps: string; timeLimit: string };
type Row = { [K in keyof typeof rowColumns]: (typeof rowColumns)[K]['_']['data'] | null };

/** A list row as the public sees it: a withdrawn item is its notice — which item (索引号), when, not what it said. */
export function publicRow(r: Row) {
  const withdrawn = r.status === 'withdrawn';
  return {
    id: r.id!,
    orgId: r.orgId!,
    orgName: r.orgName ?? '',
    typeId: r.typeId!,
    typeName: r.typeName ?? '',
    withdrawn,
    title: withdrawn ? `撤回公告：索引号 ${r.indexNo ?? '—'} 的公开事项已撤回` : r.title!,
    period: r.period,
    indexNo: r.indexNo,
    publishedOn: r.publishedOn,
    withdrawnOn: withdrawn ? r.withdrawnOn : null,
    procedure: withdrawn ? null : ((r.procedure as Procedure | null) ?? null),
  };
}

/**
 * Newest first; an item without its date (published before dates were kept) last, by number. The
 * same order as `disclosures_portal_idx` and `disclosures_published_order_idx` (DESC NULLS LAST on
 * both columns), so the board's and the search's walk reads the index in order and stops at the page.
 */
export const newestFirst = [sql`${d.publishedOn} desc nulls last`, sql`${d.id} desc nulls last`];

/** The latest items of one type of a unit: a walk of `disclosures_portal_idx`. */
export const latestOfType = (db: Queryable, unitId: number, typeId: number, today: string, limit: number) =>
  db
    .select(rowColumns)
    .from(d)
    .innerJoin(orgs, eq(orgs.id, d.orgId))
    .innerJoin(disclosureItemTypes, eq(disclosureItemTypes.id, d.itemTypeId))
    .where(and(eq(d.orgId, unitId), eq(d.itemTypeId, typeId), publicDisclosure(today)))
    .orderBy(...newestFirst)
    .limit(limit);

/** The public board of a unit: each section of its catalogue (主动公开 types) with its count and latest items. */
export async function unitBoard(ctx: AppContext, id: number) {
  const db = ctx.db;
  const unit = await publicUnit(db, id);
  const today = chinaDate(ctx.clock.now());
  const types = await db
    .select({
      id: disclosureItemTypes.id,
      name: disclosureItemTypes.name,
      timeLimit: disclosureItemTypes.timeLimit,
    })
    .from(disclosureItemTypes)
    .where(publicTypesOf(unit))
    .orderBy(asc(disclosureItemTypes.sort), asc(disclosureItemTypes.id));
  const counts = types.length
    ? await db
        .select({ typeId: d.itemTypeId, n: count() })
        .from(d)
        .where(
          and(
            eq(d.orgId, unit.id),
            inArray(
              d.itemTypeId,
              types.map((t) => t.id),
            ),
            publicDisclosure(today),
          ),
        )
        .groupBy(d.itemTypeId)
    : [];
  const sections = await Promise.all(
    types.map(async (t) => {
      const total = counts.find((c) => c.typeId === t.id)?.n ?? 0;
      const latest = total ? await latestOfType(db, unit.id, t.id, today, LATEST) : [];
      return { typeId: t.id, name: t.name, timeLimit: t.timeLimit, total, latest: latest.map(publicRow) };
    }),
  );
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind, township: await townshipName(db, unit) },
    sections,
  };
}

/** The townships and, under each, its departments and villages: the portal's way to a board. */
export async function publicUnits(ctx: AppContext) {
  const rows = await ctx.db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, parentId: orgs.parentId, path: orgs.path })
    .from(orgs)
    .where(and(inArray(orgs.kind, ['township', 'department', 'village']), isNull(orgs.deletedAt)))
    .orderBy(asc(orgs.path), asc(orgs.id))
    .limit(5000);
  const towns = rows.filter((r) => r.kind === 'township');
  const shape = (r: (typeof rows)[number]) => ({ id: r.id, name: r.name, kind: r.kind });
  const kindOrder = (k: string) => (k === 'department' ? 0 : 1);
  return {
    townships: towns.map((t) => ({
      ...shape(t),
      units: rows
        .filter((r) => r.kind !== 'township' && r.path.startsWith(t.path) && r.id !== t.id)
        .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.name.localeCompare(b.name, 'zh-CN'))
        .map(shape),
    })),
  };
}
