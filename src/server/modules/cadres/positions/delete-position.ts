import { and, count, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { unprocessable } from '../../../platform/http/errors.js';
import { positions, tenures } from '../schema.js';
import { loadPosition } from './load-position.js';

/** Removes a post nobody holds; the row stays, marked deleted, for the tenures that cite it. */
export async function deletePosition(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const position = await loadPosition(ctx.db, actor, id);
  const [{ open }] = await ctx.db
    .select({ open: count() })
    .from(tenures)
    .where(and(eq(tenures.positionId, id), isNull(tenures.endDate)));
  if (open > 0) throw unprocessable('该职务有人在任，不能删除');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(positions)
      .set({ deletedAt: ctx.clock.now(), version: position.version + 1 })
      .where(eq(positions.id, id));
    await recordAudit(tx, ctx.clock, actor, {
      action: 'position.delete',
      objectType: 'position',
      objectId: id,
      detail: { title: position.title, orgId: position.orgId },
    });
  });
}
