import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { forbidden, unprocessable } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { loadUnit, mayEditType } from './access.js';
import type { CreateItemTypeInput } from './contract.js';
import { checkTimingRule, itemTypeOut } from './item-type-out.js';
import { disclosureItemTypes } from './schema.js';

/** Adds an openness item type to the default catalogue (the district) or to a township's own. */
export async function createItemType(opts: { ctx: AppContext; actor: Actor; input: CreateItemTypeInput }) {
  const { ctx, actor, input } = opts;
  const orgId = input.orgId ?? null;
  return ctx.db.transaction(async (tx) => {
    if (orgId != null) {
      const unit = await loadUnit(tx, orgId);
      if (unit?.kind !== 'township')
        throw unprocessable('自定公开事项须属于一个乡镇', { orgId: '自定公开事项须属于一个乡镇' });
    }
    if (!(await mayEditType(tx, actor, orgId)))
      throw forbidden(orgId == null ? '默认公开目录由区级维护' : '只能维护本辖区乡镇的公开目录');
    const ruleKey = await checkTimingRule(ctx, input.timing, input.ruleKey);
    const now = ctx.clock.now();
    const [t] = await tx
      .insert(disclosureItemTypes)
      .values({ ...input, orgId, ruleKey, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'disclosure.catalogue_create',
      objectType: 'disclosure_item_type',
      objectId: t.id,
      detail: { name: t.name, level: t.level, timing: t.timing, ruleKey },
    });
    const [o] = orgId ? await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId)) : [];
    return itemTypeOut(tx, ctx, actor, t, o?.name ?? null);
  });
}
