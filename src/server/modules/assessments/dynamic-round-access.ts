import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope, registerRecordType, requireAccess } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { conflict, notFound, outOfScope } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import type { IndicatorItem } from './contract.js';
import { dynamicRounds } from './schema.js';

registerRecordType('dynamic_round', async (db, ids) => {
  const rows = await db
    .select({ id: dynamicRounds.id, orgId: dynamicRounds.orgId })
    .from(dynamicRounds)
    .where(inArray(dynamicRounds.id, ids.map(Number)));
  return rows.map((r) => ({ id: String(r.id), orgId: r.orgId, subjectCadreIds: [] }));
});
// the offices' scoring and the review are the organisers'; a unit's self-assessment is its head's
registerTodoRecordType('dynamic_round', 'assessment.read');
registerTodoRecordType('dynamic_round_self', 'assessment.self_score');
// 科室评分 by the office that supplies an item's data (数据提供单位): its head's to-do, which others
// (the dashboard's "who is late") see as they see the round, with `assessment.read`
registerTodoRecordType('dynamic_round_office', 'assessment.read');

export type DynamicRoundRow = typeof dynamicRounds.$inferSelect;

/** An item of a round's snapshot: the system's item, with the office its supplier names (if one does). */
export type RoundItem = IndicatorItem & { supplierOrgId?: number | null };

/** The offices named as suppliers of a round's items (数据提供单位), each scoring its own items. */
export const supplierOffices = (items: RoundItem[]) => [
  ...new Set(items.map((i) => i.supplierOrgId).filter((x): x is number => !!x)),
];

/**
 * A round and the units of it the caller may see: every unit for an organiser of the round's org;
 * every unit for someone of an office named as an item's supplier (数据提供单位: they score that
 * item for every unit), with `offices` the supplier offices they belong to; only the units in their
 * scope for a unit head (who self-assesses); nothing otherwise (404). `ownUnits` are the units in
 * the caller's own scope (whom they may self-assess).
 */
export async function loadDynamicRound(db: Queryable, actor: Actor, id: number, version?: number) {
  const [row] = await db.select().from(dynamicRounds).where(eq(dynamicRounds.id, id));
  const organiser = actor.permissions.has('assessment.read') || actor.permissions.has('assessment.manage');
  if (organiser && (!row || (await orgInScope(db, actor, row.orgId)))) {
    await requireAccess(db, actor, 'dynamic_round', [id]);
    if (!row) throw notFound('动态考核不存在');
    if (version !== undefined && row.version !== version) throw conflict();
    const units = row.subjectOrgIds;
    return { round: row, units, ownUnits: units, organiser: true, offices: await officesOf(db, actor, row) };
  }
  if (!row) throw notFound('动态考核不存在');
  const offices = await officesOf(db, actor, row);
  const ownUnits: number[] = [];
  for (const u of row.subjectOrgIds) if (await orgInScope(db, actor, u)) ownUnits.push(u);
  if (!offices.length) {
    // an organiser of another org: the platform's 404, audited as a denial
    if (organiser) await requireAccess(db, actor, 'dynamic_round', [id]);
    if (!ownUnits.length) throw outOfScope();
  }
  if (version !== undefined && row.version !== version) throw conflict();
  return {
    round: row,
    units: offices.length ? row.subjectOrgIds : ownUnits,
    ownUnits,
    organiser: false,
    offices,
  };
}

/** The supplier offices of the round the caller sits in (their org is the office or below it). */
async function officesOf(db: Queryable, actor: Actor, row: DynamicRoundRow): Promise<number[]> {
  const ids = supplierOffices(row.items as RoundItem[]);
  if (!ids.length) return [];
  const rows = await db.select({ id: orgs.id, path: orgs.path }).from(orgs).where(inArray(orgs.id, ids));
  return rows.filter((o) => actor.orgPath.startsWith(o.path)).map((o) => o.id);
}
