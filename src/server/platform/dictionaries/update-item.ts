import { and, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { conflict } from '../http/errors.js';
import { itemOut, loadItem } from './load.js';
import { dictItems } from './schema.js';

/**
 * Relabels, reorders, enables or disables an item (its code never changes: records refer to it).
 * A stale `version` means someone else saved first: 409.
 */
export async function updateDictItem(opts: {
  ctx: AppContext;
  actor: Actor;
  type: string;
  id: number;
  input: { label?: string; sort?: number; enabled?: boolean; version: number };
}) {
  const { ctx, actor, type, id, input } = opts;
  const before = await loadItem(ctx.db, type, id);
  return ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .update(dictItems)
      .set({
        label: input.label ?? before.label,
        sort: input.sort ?? before.sort,
        enabled: input.enabled ?? before.enabled,
        version: input.version + 1,
      })
      .where(and(eq(dictItems.id, id), eq(dictItems.version, input.version)))
      .returning();
    if (!saved) throw conflict();
    const toggled = saved.enabled !== before.enabled;
    const onlyToggled = toggled && saved.label === before.label && saved.sort === before.sort;
    await recordAudit(tx, ctx.clock, actor, {
      action: onlyToggled ? (saved.enabled ? 'dict.item_enable' : 'dict.item_disable') : 'dict.item_update',
      objectType: 'dict_item',
      objectId: id,
      detail: {
        type,
        code: saved.code,
        before: { label: before.label, sort: before.sort, enabled: before.enabled },
        after: { label: saved.label, sort: saved.sort, enabled: saved.enabled },
      },
    });
    return itemOut(saved);
  });
}
