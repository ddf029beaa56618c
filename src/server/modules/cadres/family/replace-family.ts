import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { badRequest } from '../../../platform/http/errors.js';
import { recusals, users } from '../../../platform/users/schema.js';
import { loadCadre } from '../load-cadre.js';
import { familyMembers } from '../schema.js';
import type { familyBody } from './contract.js';

/**
 * Recusal follows the family list: every user linked as a family member of the cadre is recused
 * from their records; recusals registered for other reasons stay as they are.
 */
export async function syncFamilyRecusals(db: Queryable, cadreId: number, userIds: number[]): Promise<void> {
  await db.delete(recusals).where(and(eq(recusals.cadreId, cadreId), eq(recusals.reason, 'family')));
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await db
    .insert(recusals)
    .values(unique.map((userId) => ({ userId, cadreId, reason: 'family' })))
    .onConflictDoNothing();
}

/** Replaces a cadre's family list and, in the same transaction, the recusals it implies. */
export async function replaceFamily(opts: {
  ctx: AppContext;
  actor: Actor;
  cadreId: number;
  input: z.infer<typeof familyBody>;
}) {
  const { ctx, actor, cadreId, input } = opts;
  const cadre = await loadCadre(ctx.db, actor, cadreId);
  const userIds = input.members.map((m) => m.userId).filter((u): u is number => !!u);
  if (userIds.length) {
    const found = await ctx.db.select({ id: users.id }).from(users).where(inArray(users.id, userIds));
    if (found.length !== new Set(userIds).size) throw badRequest('关联的用户不存在');
  }
  await ctx.db.transaction(async (tx) => {
    await tx.delete(familyMembers).where(eq(familyMembers.cadreId, cadreId));
    if (input.members.length)
      await tx.insert(familyMembers).values(
        input.members.map((m, i) => ({
          cadreId,
          relation: m.relation,
          name: m.name,
          birthDate: m.birthDate ?? null,
          politicalStatus: m.politicalStatus ?? null,
          workUnit: m.workUnit ?? null,
          userId: m.userId ?? null,
          sort: i,
        })),
      );
    await syncFamilyRecusals(tx, cadreId, userIds);
    await recordAudit(tx, ctx.clock, actor, {
      action: 'family.update',
      objectType: 'cadre',
      objectId: cadreId,
      detail: { name: cadre.name, members: input.members.length, linkedUsers: [...new Set(userIds)] },
    });
  });
}
