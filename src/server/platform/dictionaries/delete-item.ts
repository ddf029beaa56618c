import { eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { unprocessable } from '../http/errors.js';
import { isBuiltinItem } from './defaults.js';
import { loadItem } from './load.js';
import { dictItems } from './schema.js';

/** Removes an item an administrator added; built-in items can only be disabled. */
export async function deleteDictItem(opts: { ctx: AppContext; actor: Actor; type: string; id: number }) {
  const { ctx, actor, type, id } = opts;
  const item = await loadItem(ctx.db, type, id);
  if (isBuiltinItem(type, item.code)) throw unprocessable('内置字典项不能删除，如不再使用请停用');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(dictItems).where(eq(dictItems.id, id));
    await recordAudit(tx, ctx.clock, actor, {
      action: 'dict.item_delete',
      objectType: 'dict_item',
      objectId: id,
      detail: { type, code: item.code, label: item.label },
    });
  });
}
