import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { recusalArrayFilter } from '../../platform/access/recusal.js';
import {
  readsWholeTree,
  registerRecordType,
  requireAccess,
  scopeFilter,
  scopeFilterForList,
} from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { conflict, notFound, outOfScope } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { econAudits, rectificationItems } from './schema.js';

// An audit sits in its audited unit and is about its subject cadre: that cadre and users related to
// them never see it, nor its items and to-dos.
registerRecordType('econ_audit', async (db, ids) => {
  const rows = await db
    .select({ id: econAudits.id, orgId: econAudits.orgId, subjects: econAudits.subjectCadreIds })
    .from(econAudits)
    .where(inArray(econAudits.id, ids.map(Number)));
  return rows.map((r) => ({ id: String(r.id), orgId: r.orgId, subjectCadreIds: r.subjects }));
});
// An item sits in the unit that rectifies: its head reaches it; the township's officers above too.
registerRecordType('rectification', async (db, ids) => {
  const rows = await db
    .select({
      id: rectificationItems.id,
      orgId: rectificationItems.unitOrgId,
      subjects: rectificationItems.subjectCadreIds,
    })
    .from(rectificationItems)
    .where(inArray(rectificationItems.id, ids.map(Number)));
  return rows.map((r) => ({ id: String(r.id), orgId: r.orgId, subjectCadreIds: r.subjects }));
});
registerTodoRecordType('econ_audit', 'econ_audit.read');
registerTodoRecordType('rectification', 'econ_audit.read');

export type AuditRow = typeof econAudits.$inferSelect;
export type ItemRow = typeof rectificationItems.$inferSelect;

/** The audits the caller may see: in scope, not about a cadre the caller must recuse from. */
export const auditVisibility = (actor: Actor): SQL | undefined =>
  and(scopeFilter(actor, econAudits.orgId), recusalArrayFilter(actor, econAudits.subjectCadreIds));

/**
 * The items the caller may see: an officer (econ_audit.read) those of the audits in scope; a unit
 * head only those their own unit rectifies. Recusal either way.
 */
/**
 * The board's scope: the district's as `scopeFilterForList` (its order index, filtered); a township's
 * orgs as one array, so their open items come from rectification_items_org_board_idx in one scan and
 * are sorted (a join with the orgs let the planner walk the district's order index instead).
 */
function boardScope(actor: Actor): SQL | undefined {
  if (readsWholeTree(actor) || actor.dataScope !== 'subtree')
    return scopeFilterForList(actor, rectificationItems.orgId);
  return sql`${rectificationItems.orgId} = any(array(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${actor.orgPath}%`}))`;
}

export function itemVisibility(actor: Actor, opts: { forList?: boolean } = {}): SQL | undefined {
  const recusal = recusalArrayFilter(actor, rectificationItems.subjectCadreIds);
  if (actor.permissions.has('econ_audit.read'))
    return and(opts.forList ? boardScope(actor) : scopeFilter(actor, rectificationItems.orgId), recusal);
  return and(eq(rectificationItems.unitOrgId, actor.orgId), recusal);
}

export async function loadAudit(db: Queryable, actor: Actor, id: number): Promise<AuditRow> {
  await requireAccess(db, actor, 'econ_audit', [id]);
  const [row] = await db.select().from(econAudits).where(eq(econAudits.id, id));
  if (!row) throw notFound('审计项目不存在');
  return row;
}

export async function loadAuditForChange(db: Queryable, actor: Actor, id: number, version: number) {
  const row = await loadAudit(db, actor, id);
  if (row.version !== version) throw conflict();
  return row;
}

/** An item the caller may see: a unit head only their own unit's (404 otherwise, audited). */
export async function loadItem(db: Queryable, actor: Actor, id: number): Promise<ItemRow> {
  await requireAccess(db, actor, 'rectification', [id]);
  const [row] = await db.select().from(rectificationItems).where(eq(rectificationItems.id, id));
  if (!row) throw notFound('整改事项不存在');
  if (!actor.permissions.has('econ_audit.read') && row.unitOrgId !== actor.orgId) throw outOfScope();
  return row;
}

export async function bumpAudit(db: Queryable, row: AuditRow, set: Partial<AuditRow>, now: Date) {
  const [saved] = await db
    .update(econAudits)
    .set({ ...set, version: row.version + 1, updatedAt: now })
    .where(and(eq(econAudits.id, row.id), eq(econAudits.version, row.version)))
    .returning();
  if (!saved) throw conflict();
  return saved;
}

export async function bumpItem(db: Queryable, row: ItemRow, set: Partial<ItemRow>, now: Date) {
  const [saved] = await db
    .update(rectificationItems)
    .set({ ...set, version: row.version + 1, updatedAt: now })
    .where(and(eq(rectificationItems.id, row.id), eq(rectificationItems.version, row.version)))
    .returning();
  if (!saved) throw conflict();
  return saved;
}
