import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../../platform/access/actor.js';
import { recusalChanged } from '../../../platform/access/recusal.js';
import { scopeFilter } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { badRequest } from '../../../platform/http/errors.js';
import { notifyUsers } from '../../../platform/todos/notify.js';
import { userRecipient } from '../../../platform/todos/recipients.js';
import { recusals, users } from '../../../platform/users/schema.js';
import { loadCadre } from '../load-cadre.js';
import { familyMembers } from '../schema.js';
import type { familyBody } from './contract.js';

/** One answer for a user id that does not exist and one outside the caller's scope: no enumeration. */
export const LINK_REFUSED = '关联的用户不存在或不在您的管理范围内';

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

/**
 * Replaces a cadre's family list and, in the same transaction, the recusals it implies.
 *
 * Linking a user hides the cadre's records from them, so a link could bury a report by recusing its
 * handlers: a user newly linked must lie within the caller's data scope (an unknown id answers the
 * same as one outside it), each link and unlink is audited on its own and told to the person
 * linked — naming only the cadre, never a case — and the open petitions naming the cadre are
 * checked again (a case nobody at its level may handle any more goes up; see docs/decisions/recusal.md).
 */
export async function replaceFamily(opts: {
  ctx: AppContext;
  actor: Actor;
  cadreId: number;
  input: z.infer<typeof familyBody>;
}) {
  const { ctx, actor, cadreId, input } = opts;
  const cadre = await loadCadre(ctx.db, actor, cadreId);
  const before = await linkedUsers(ctx.db, cadreId);
  const after = [...new Set(input.members.map((m) => m.userId).filter((u): u is number => !!u))];
  const added = after.filter((u) => !before.includes(u));
  const removed = before.filter((u) => !after.includes(u));
  if (added.length) {
    const inScope = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, added), scopeFilter(actor, users.orgId, users.id)));
    if (inScope.length !== added.length) {
      const refused = added.filter((u) => !inScope.some((r) => r.id === u));
      await recordAudit(ctx.db, ctx.clock, actor, {
        action: 'family.link_user',
        objectType: 'cadre',
        objectId: cadreId,
        result: 'denied',
        detail: { userIds: refused },
      });
      const index = input.members.findIndex((m) => m.userId === refused[0]);
      throw badRequest(LINK_REFUSED, { [`members.${index}.userId`]: LINK_REFUSED });
    }
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
    await syncFamilyRecusals(tx, cadreId, after);
    await recordAudit(tx, ctx.clock, actor, {
      action: 'family.update',
      objectType: 'cadre',
      objectId: cadreId,
      detail: { name: cadre.name, members: input.members.length, linkedUsers: after },
    });
    for (const userId of added) {
      const relation = input.members.find((m) => m.userId === userId)?.relation ?? null;
      await recordAudit(tx, ctx.clock, actor, {
        action: 'family.link_user',
        objectType: 'user',
        objectId: userId,
        detail: { cadreId, cadreName: cadre.name, relation },
      });
      await notifyUsers(tx, ctx.clock, await userRecipient(tx, userId), {
        title: '回避登记通知',
        body: `您已被登记为干部 ${cadre.name} 的亲属，相关事项将对您回避。如有异议，请联系组织部门。`,
        link: null,
      });
    }
    for (const userId of removed) {
      await recordAudit(tx, ctx.clock, actor, {
        action: 'family.unlink_user',
        objectType: 'user',
        objectId: userId,
        detail: { cadreId, cadreName: cadre.name },
      });
      await notifyUsers(tx, ctx.clock, await userRecipient(tx, userId), {
        title: '回避登记解除通知',
        body: `您与干部 ${cadre.name} 的亲属关联已解除，因该登记产生的回避随之解除。如有异议，请联系组织部门。`,
        link: null,
      });
    }
    if (added.length || removed.length) await recusalChanged(tx, ctx, { cadreIds: [cadreId] });
  });
}

async function linkedUsers(db: Queryable, cadreId: number): Promise<number[]> {
  const rows = await db
    .select({ userId: familyMembers.userId })
    .from(familyMembers)
    .where(and(eq(familyMembers.cadreId, cadreId), isNotNull(familyMembers.userId)));
  return [...new Set(rows.map((r) => r.userId!))];
}
