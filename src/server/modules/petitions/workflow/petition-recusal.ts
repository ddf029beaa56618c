import { and, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import { handlingLevel, pathIds, raisedTo } from '../../../../domain/recusal-routing.js';
import { onRecusalChange, type PathHolder, pathHolders } from '../../../platform/access/recusal.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { orgs } from '../../../platform/orgs/schema.js';
import type { TodoAddress } from '../../../platform/todos/address.js';
import { readdressRecusedTodos } from '../../../platform/todos/address.js';
import { petitionEvents, petitionSubjects, petitions } from '../schema.js';
import { FINISHED } from './list-query.js';
import { type Petition, todayOf } from './petition-clock.js';

/** The permission whose holders handle a case: recusal must never leave it with none. */
export const HANDLE = 'petition.handle';

/** The registry cadres a petition names: the subjects of its recusal. */
export async function subjectCadreIdsOf(db: Queryable, petitionId: number): Promise<number[]> {
  const rows = await db
    .select({ cadreId: petitionSubjects.cadreId })
    .from(petitionSubjects)
    .where(and(eq(petitionSubjects.petitionId, petitionId), isNotNull(petitionSubjects.cadreId)));
  return [...new Set(rows.map((r) => r.cadreId!))];
}

async function orgOf(db: Queryable, id: number) {
  const [org] = await db
    .select({ id: orgs.id, path: orgs.path, name: orgs.name })
    .from(orgs)
    .where(eq(orgs.id, id));
  return org ?? null;
}

/** The role most of the holders who need not recuse at the org hold (ties: by code), for the to-do's address. */
function roleAt(holders: PathHolder[], orgId: number): string | null {
  const counts = new Map<string, number>();
  for (const h of holders)
    if (h.orgId === orgId && !h.recused) for (const r of h.roles) counts.set(r, (counts.get(r) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return ranked[0]?.[0] ?? null;
}

/**
 * Where the case's handling steps are addressed: the discipline officers of its own org, or — once
 * recusal has raised it — the role of the holders who need not recuse at the org it went up to.
 */
export async function handlingAddress(db: Queryable, p: Petition, subjects: number[]): Promise<TodoAddress> {
  if (p.recusalOrgId) {
    const org = await orgOf(db, p.orgId);
    if (org) {
      const holders = await pathHolders(db, { permission: HANDLE, org, subjectCadreIds: subjects });
      const role = roleAt(holders, p.recusalOrgId);
      if (role) return { orgId: p.recusalOrgId, assigneeRole: role };
    }
  }
  return { orgId: p.orgId, assigneeRole: 'discipline_officer' };
}

/**
 * The "never invisible to all" rule: when every holder of petition.handle at the case's level must
 * recuse (the named cadre, users related to them), the case goes up to the nearest org above with
 * one who need not — its to-dos are addressed there, its readers there see it — and an event says
 * so to those who may see the case. A case once raised is not lowered. Returns the petition as it
 * now is. Runs inside the caller's transaction (registration, each step, a recusal change).
 */
export async function applyRecusalLevel(
  tx: Queryable,
  ctx: AppContext,
  p: Petition,
  subjects: number[],
): Promise<Petition> {
  if (!subjects.length || FINISHED.includes(p.status as (typeof FINISHED)[number])) return p;
  const org = await orgOf(tx, p.orgId);
  if (!org) return p;
  const path = pathIds(org.path);
  const holders = await pathHolders(tx, { permission: HANDLE, org, subjectCadreIds: subjects });
  const to = raisedTo(path, handlingLevel(path, holders), p.recusalOrgId);
  if (to === null) return p;
  const target = await orgOf(tx, to);
  const now = ctx.clock.now();
  const [saved] = await tx
    .update(petitions)
    .set({ recusalOrgId: to, updatedAt: now })
    .where(eq(petitions.id, p.id))
    .returning();
  await tx.insert(petitionEvents).values({
    petitionId: p.id,
    action: 'recusal_raise',
    fromStatus: p.status,
    toStatus: p.status,
    occurredOn: todayOf(ctx),
    userId: null,
    note: `因回避上移至 ${target?.name ?? '上级'} 办理`,
    createdAt: now,
  });
  await recordAudit(tx, ctx.clock, null, {
    action: 'petition.recusal_raise',
    objectType: 'petition',
    objectId: p.id,
    detail: { code: p.code, orgId: p.orgId, toOrgId: to },
  });
  return saved;
}

/**
 * A recusal changed for these cadres (a family link made or removed): each open petition naming
 * one of them is checked again — raised if nobody at its level may handle it any more — and its
 * open to-dos that nobody may now act on go to its handlers.
 */
export async function reevaluatePetitionsNaming(tx: Queryable, ctx: AppContext, cadreIds: number[]) {
  const rows = await tx
    .selectDistinct({ id: petitions.id })
    .from(petitions)
    .innerJoin(petitionSubjects, eq(petitionSubjects.petitionId, petitions.id))
    .where(and(inArray(petitionSubjects.cadreId, cadreIds), notInArray(petitions.status, FINISHED)));
  for (const { id } of rows) {
    const [p] = await tx.select().from(petitions).where(eq(petitions.id, id)).for('update');
    const subjects = await subjectCadreIdsOf(tx, id);
    const now = await applyRecusalLevel(tx, ctx, p, subjects);
    await readdressRecusedTodos(
      tx,
      { recordType: 'petition', recordId: id },
      await handlingAddress(tx, now, subjects),
    );
  }
}

onRecusalChange((tx, ctx, change) => reevaluatePetitionsNaming(tx, ctx, change.cadreIds));
