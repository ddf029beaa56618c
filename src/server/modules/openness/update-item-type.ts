import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, forbidden, notFound } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { mayEditType, typesVisible } from './access.js';
import type { UpdateItemTypeInput } from './contract.js';
import { checkTimingRule, itemTypeOut } from './item-type-out.js';
import { disclosureItemTypes } from './schema.js';

/** Edits a catalogue entry (its columns, its timing rule, whether it is in use); optimistic version. */
export async function updateItemType(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: UpdateItemTypeInput;
}) {
  const { ctx, actor, id, input } = opts;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(disclosureItemTypes)
      .where(and(eq(disclosureItemTypes.id, id), typesVisible(actor)));
    if (!row) throw notFound('公开事项不存在');
    if (!(await mayEditType(tx, actor, row.orgId)))
      throw forbidden(row.orgId == null ? '默认公开目录由区级维护' : '只能维护本辖区乡镇的公开目录');
    const ruleKey = await checkTimingRule(ctx, input.timing, input.ruleKey);
    const { version, ...fields } = input;
    const [t] = await tx
      .update(disclosureItemTypes)
      .set({ ...fields, ruleKey, version: version + 1, updatedAt: ctx.clock.now() })
      .where(and(eq(disclosureItemTypes.id, id), eq(disclosureItemTypes.version, version)))
      .returning();
    if (!t) throw conflict();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'disclosure.catalogue_update',
      objectType: 'disclosure_item_type',
      objectId: id,
      detail: { name: t.name, timing: t.timing, ruleKey, active: t.active },
    });
    const [o] = t.orgId ? await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, t.orgId)) : [];
    return itemTypeOut(tx, ctx, actor, t, o?.name ?? null);
  });
}
