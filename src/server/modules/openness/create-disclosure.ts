import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { unprocessable } from '../../platform/http/errors.js';
import { loadScopedUnit, loadTypeForUnit } from './access.js';
import type { CreateDisclosureInput } from './contract.js';
import { checkFinance, checkPeriod, checkProcedure } from './disclosure-input.js';
import { disclosureEvent } from './events.js';
import { getDisclosure } from './get-disclosure.js';
import { disclosureDueItems, disclosures } from './schema.js';

/** 起草: a unit's draft of an openness item (a village's 村委会, a township's or department's office). */
export async function createDisclosure(opts: {
  ctx: AppContext;
  actor: Actor;
  input: CreateDisclosureInput;
}) {
  const { ctx, actor, input } = opts;
  const id = await ctx.db.transaction(async (tx) => {
    const unit = await loadScopedUnit(tx, actor, input.orgId);
    const type = await loadTypeForUnit(tx, unit, input.itemTypeId);
    const period = checkPeriod(type, input.period);
    checkFinance(input.finance);
    const procedure = checkProcedure(type, input.procedure);
    if (input.dueItemId) {
      const [d] = await tx
        .select({ id: disclosureDueItems.id })
        .from(disclosureDueItems)
        .where(
          and(
            eq(disclosureDueItems.id, input.dueItemId),
            eq(disclosureDueItems.orgId, unit.id),
            eq(disclosureDueItems.itemTypeId, type.id),
          ),
        );
      if (!d) throw unprocessable('应公开事项不属于该单位的这一公开事项', { dueItemId: '应公开事项不正确' });
    }
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(disclosures)
      .values({
        orgId: unit.id,
        itemTypeId: type.id,
        dueItemId: input.dueItemId ?? null,
        period,
        title: input.title,
        body: input.body,
        finance: input.finance ?? null,
        procedure,
        issuingBody: input.issuingBody,
        issuedOn: input.issuedOn ?? null,
        docNumber: input.docNumber ?? null,
        status: 'draft',
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: disclosures.id });
    await disclosureEvent(tx, ctx, {
      disclosureId: row.id,
      action: 'draft',
      fromStatus: null,
      toStatus: 'draft',
      userId: actor.userId,
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'disclosure.create',
      objectType: 'disclosure',
      objectId: row.id,
      detail: { title: input.title, itemType: type.name, period },
    });
    return row.id;
  });
  return getDisclosure({ ctx, actor, id });
}
