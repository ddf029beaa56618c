import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { notFound } from '../../../platform/http/errors.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { LEVEL_OF_KIND, loadUnit, typesForUnit, type Unit } from '../access.js';
import { disclosures as d, disclosureItemTypes } from '../schema.js';

/**
 * What the public may see of the disclosures: an item published on or before `today` (a scheduled
 * one waits for its day; one without a date shows after the dated ones), and a withdrawn one as its notice only. Drafts, items in review, returned
 * or approved but unpublished never match. The literal status list lets the planner use the
 * partial index `disclosures_portal_idx`.
 */
export const publicDisclosure = (today: string): SQL =>
  and(
    sql`${d.status} in ('published', 'withdrawn')`,
    // a published item without its date (kept from before dates were) shows, last on the board
    sql`(${d.publishedOn} <= ${today} or ${d.publishedOn} is null)`,
    or(eq(d.status, 'published'), sql`${d.withdrawnOn} is not null`),
  )!;

/** The catalogue a unit shows the public: its level's active, 主动公开 types (依申请 replies go to the applicant alone). */
export const publicTypesOf = (unit: Unit): SQL =>
  and(typesForUnit(unit), eq(disclosureItemTypes.active, true), eq(disclosureItemTypes.mode, 'active'))!;

/** A unit with a public board (a live township, department or village), or 404. */
export async function publicUnit(db: Queryable, id: number): Promise<Unit> {
  const unit = await loadUnit(db, id);
  if (!unit || !LEVEL_OF_KIND[unit.kind]) throw notFound('该单位没有公开栏');
  return unit;
}

/** The township of a unit's path (its name for the board's heading). */
export async function townshipName(db: Queryable, unit: Unit): Promise<string | null> {
  if (unit.kind === 'township') return null;
  const ids = unit.path.split('/').filter(Boolean).map(Number);
  if (!ids.length) return null;
  const [t] = await db
    .select({ name: orgs.name })
    .from(orgs)
    .where(and(inArray(orgs.id, ids), eq(orgs.kind, 'township'), isNull(orgs.deletedAt)));
  return t?.name ?? null;
}
