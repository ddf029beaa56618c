import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { conflict, notFound } from '../../../platform/http/errors.js';
import { tenures } from '../../cadres/schema.js';
import { loadScopedUnit } from '../access.js';
import { leaderContacts } from '../portal/schema.js';
import type { LeaderContactInput } from './contract.js';
import { listLeaders } from './list-leaders.js';

/** Sets what the directory publishes of a tenure of the caller's unit: 分工, office phone, hours, the mobile consent. */
export async function setLeaderContact(opts: {
  ctx: AppContext;
  actor: Actor;
  tenureId: number;
  input: LeaderContactInput;
}) {
  const { ctx, actor, tenureId, input } = opts;
  const orgId = await ctx.db.transaction(async (tx) => {
    const [t] = await tx
      .select({ orgId: tenures.orgId, cadreId: tenures.cadreId, title: tenures.title })
      .from(tenures)
      .where(eq(tenures.id, tenureId));
    if (!t?.orgId) throw notFound('任职记录不存在');
    await loadScopedUnit(tx, actor, t.orgId);
    const values = {
      duties: input.duties || null,
      officePhone: input.officePhone || null,
      hours: input.hours || null,
      mobileConsent: input.mobileConsent,
      updatedBy: actor.userId,
      updatedAt: ctx.clock.now(),
    };
    const saved =
      input.version === 0
        ? await tx
            .insert(leaderContacts)
            .values({ tenureId, ...values, version: 1 })
            .onConflictDoNothing()
            .returning({ v: leaderContacts.version })
        : await tx
            .update(leaderContacts)
            .set({ ...values, version: input.version + 1 })
            .where(and(eq(leaderContacts.tenureId, tenureId), eq(leaderContacts.version, input.version)))
            .returning({ v: leaderContacts.version });
    if (!saved.length) throw conflict();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'disclosure.leader_contact',
      objectType: 'tenure',
      objectId: tenureId,
      detail: { post: t.title, mobileConsent: input.mobileConsent },
    });
    return t.orgId;
  });
  return listLeaders({ ctx, actor, orgId });
}
