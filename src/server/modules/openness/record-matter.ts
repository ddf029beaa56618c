import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { unprocessable } from '../../platform/http/errors.js';
import { loadScopedUnit, loadTypeForUnit } from './access.js';
import type { MatterInput } from './contract.js';
import { dueTodo, matterDueOn } from './due-items.js';
import { disclosureDueItems } from './schema.js';

/**
 * 登记须公开的事项: a major matter decided, or government information formed or changed, becomes a
 * due item of its unit with the deadline of its type's rule (days, or working days on the calendar).
 */
export async function recordMatter(opts: { ctx: AppContext; actor: Actor; input: MatterInput }) {
  const { ctx, actor, input } = opts;
  return ctx.db.transaction(async (tx) => {
    const unit = await loadScopedUnit(tx, actor, input.orgId);
    const type = await loadTypeForUnit(tx, unit, input.itemTypeId);
    if (type.timing !== 'within_days' && type.timing !== 'within_working_days') {
      const m = '该公开事项按期公开，无须登记事项';
      throw unprocessable(m, { itemTypeId: m });
    }
    const dueOn = await matterDueOn(ctx, type, input.decidedOn);
    const [item] = await tx
      .insert(disclosureDueItems)
      .values({
        orgId: unit.id,
        itemTypeId: type.id,
        matter: input.matter,
        decidedOn: input.decidedOn,
        dueOn,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await dueTodo(tx, ctx, unit, type, item);
    await recordAudit(tx, ctx.clock, actor, {
      action: 'disclosure.matter',
      objectType: 'org',
      objectId: unit.id,
      detail: { itemType: type.name, matter: input.matter, decidedOn: input.decidedOn, dueOn },
    });
    return { id: item.id, dueOn };
  });
}
