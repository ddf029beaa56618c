import type { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { unprocessable } from '../http/errors.js';
import type { itemCreate } from './contract.js';
import { itemOut, loadType } from './load.js';
import { dictItems } from './schema.js';

/** Adds an item to a dictionary; codes are unique within their type. */
export async function createDictItem(opts: {
  ctx: AppContext;
  actor: Actor;
  type: string;
  input: z.infer<typeof itemCreate>;
}) {
  const { ctx, actor, type, input } = opts;
  await loadType(ctx.db, type);
  return ctx.db.transaction(async (tx) => {
    const [item] = await tx
      .insert(dictItems)
      .values({ typeCode: type, code: input.code, label: input.label, sort: input.sort })
      .onConflictDoNothing()
      .returning();
    if (!item) throw unprocessable('该字典中已有此编码', { code: '该字典中已有此编码' });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'dict.item_create',
      objectType: 'dict_item',
      objectId: item.id,
      detail: { type, code: item.code, label: item.label },
    });
    return itemOut(item);
  });
}
