import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { users } from '../../../platform/users/schema.js';
import { loadCadre } from '../load-cadre.js';
import { familyMembers } from '../schema.js';
import type { FamilyMemberOut } from './contract.js';

/** 家庭成员 of a cadre, in their recorded order, with the user account each is linked to. */
export async function listFamily(opts: {
  ctx: AppContext;
  actor: Actor;
  cadreId: number;
}): Promise<FamilyMemberOut[]> {
  await loadCadre(opts.ctx.db, opts.actor, opts.cadreId);
  return familyOf(opts.ctx.db, opts.cadreId);
}

/** The list itself, for callers that have checked access already. */
export async function familyOf(db: Queryable, cadreId: number): Promise<FamilyMemberOut[]> {
  const rows = await db
    .select({ member: familyMembers, displayName: users.displayName, username: users.username })
    .from(familyMembers)
    .leftJoin(users, eq(users.id, familyMembers.userId))
    .where(eq(familyMembers.cadreId, cadreId))
    .orderBy(asc(familyMembers.sort), asc(familyMembers.id));
  return rows.map(({ member: m, displayName, username }) => ({
    id: m.id,
    relation: m.relation,
    name: m.name,
    birthDate: m.birthDate,
    politicalStatus: m.politicalStatus,
    workUnit: m.workUnit,
    userId: m.userId,
    userLabel: m.userId && displayName ? `${displayName}（${username}）` : null,
  }));
}
