import { and, count, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { unprocessable } from '../../platform/http/errors.js';
import { loadCadre } from './load-cadre.js';
import { cadres, tenures } from './schema.js';

/** Removes a cadre from the roster (the row stays, marked deleted); not while they hold a post. */
export async function deleteCadre(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const cadre = await loadCadre(ctx.db, actor, id);
  const [{ open }] = await ctx.db
    .select({ open: count() })
    .from(tenures)
    .where(and(eq(tenures.cadreId, id), isNull(tenures.endDate)));
  if (open > 0) throw unprocessable('该干部仍有在任职务，请先办理离任后再删除');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(cadres)
      .set({ deletedAt: ctx.clock.now(), version: cadre.version + 1 })
      .where(eq(cadres.id, id));
    await recordAudit(tx, ctx.clock, actor, {
      action: 'cadre.delete',
      objectType: 'cadre',
      objectId: id,
      detail: { name: cadre.name },
    });
  });
}
