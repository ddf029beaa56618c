import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { can } from '../../platform/access/actor.js';
import { registerRecordType, requireAccess } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { conflict, notFound, outOfScope } from '../../platform/http/errors.js';
import { pledges } from './schema.js';

// A pledge sits in its village and is about its cadre: the cadre's relatives are recused from it.
registerRecordType('pledge', async (db, ids) => {
  const rows = await db
    .select({ id: pledges.id, orgId: pledges.orgId, cadreId: pledges.cadreId })
    .from(pledges)
    .where(inArray(pledges.id, ids.map(Number)));
  return rows.map((r) => ({ id: String(r.id), orgId: r.orgId, subjectCadreIds: [r.cadreId] }));
});

export type PledgeRow = typeof pledges.$inferSelect;

/** The caller's own pledge (a village cadre entering progress): theirs by the cadre link, never by scope. */
const ownPledge = (actor: Actor, row: PledgeRow | undefined) =>
  !!row && actor.cadreId !== null && row.cadreId === actor.cadreId && can(actor, 'pledge.own');

/** The caller's own pledge (我的任期承诺), for the cadre's routes: anyone else's reads as missing. */
export async function loadOwnPledge(db: Queryable, actor: Actor, id: number): Promise<PledgeRow> {
  const [row] = await db.select().from(pledges).where(eq(pledges.id, id));
  if (!ownPledge(actor, row)) throw notFound('任期承诺不存在');
  return row!;
}

/**
 * Loads a pledge for an officer (in scope, not recused) or, with `own`, for the cadre it belongs to.
 * Anything else is a 404 that does not reveal the pledge, audited as a denial.
 */
export async function loadPledge(
  db: Queryable,
  actor: Actor,
  id: number,
  opts: { version?: number; own?: boolean } = {},
): Promise<PledgeRow> {
  const [row] = await db.select().from(pledges).where(eq(pledges.id, id));
  if (opts.own && ownPledge(actor, row)) return checkVersion(row!, opts.version);
  if (!can(actor, 'pledge.read') && !can(actor, 'pledge.manage')) throw outOfScope();
  await requireAccess(db, actor, 'pledge', [id]);
  if (!row) throw notFound('任期承诺不存在');
  return checkVersion(row, opts.version);
}

function checkVersion(row: PledgeRow, version?: number) {
  if (version !== undefined && row.version !== version) throw conflict();
  return row;
}
