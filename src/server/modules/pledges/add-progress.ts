import { and, eq } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest } from '../../platform/http/errors.js';
import { loadOwnPledge, loadPledge } from './access.js';
import type { ProgressInput } from './contract.js';
import { getPledge } from './get-pledge.js';
import { notifyFollowersIn } from './portal/follow.js';
import { pledgeItems, pledgeProgress } from './schema.js';

/**
 * 践诺 inside the caller's transaction: a progress entry on a leaf item of the pledge — by an officer
 * who manages pledges (in scope, not recused) or by the pledging cadre themself. Parents' progress is
 * never entered: it rolls up from their children.
 */
export async function addProgressIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  pledgeId: number,
  input: ProgressInput,
  own = false,
) {
  const p = own ? await loadOwnPledge(tx, actor, pledgeId) : await loadPledge(tx, actor, pledgeId);
  const [item] = await tx
    .select()
    .from(pledgeItems)
    .where(and(eq(pledgeItems.id, input.itemId), eq(pledgeItems.pledgeId, p.id)));
  if (!item) throw badRequest('承诺事项不属于该承诺', { itemId: '承诺事项不属于该承诺' });
  const [child] = await tx
    .select({ id: pledgeItems.id })
    .from(pledgeItems)
    .where(eq(pledgeItems.parentId, item.id))
    .limit(1);
  if (child)
    throw badRequest('该事项有下级事项，进度由下级事项汇总，请录入到下级事项', {
      itemId: '请录入到下级事项',
    });
  if (input.reportedOn < p.pledgedOn)
    throw badRequest('进度日期不能早于承诺日期', { reportedOn: '进度日期不能早于承诺日期' });
  if (input.reportedOn > chinaDate(ctx.clock.now()))
    throw badRequest('进度日期不能晚于今天', { reportedOn: '进度日期不能晚于今天' });
  const [row] = await tx
    .insert(pledgeProgress)
    .values({
      pledgeId: p.id,
      itemId: item.id,
      reportedOn: input.reportedOn,
      percent: input.percent,
      evidence: input.evidence,
      createdBy: actor.userId,
      createdAt: ctx.clock.now(),
    })
    .returning({ id: pledgeProgress.id });
  await notifyFollowersIn(tx, ctx, p.id, row.id);
  await recordAudit(tx, ctx.clock, actor, {
    action: 'pledge.progress',
    objectType: 'pledge',
    objectId: p.id,
    detail: { itemId: item.id, entryId: row.id, percent: input.percent, reportedOn: input.reportedOn, own },
  });
}

/** `own`: the cadre's route (我的任期承诺), else the officers' (scope, recusal, pledge.manage). */
export async function addProgress(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: ProgressInput;
  own?: boolean;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction((tx) => addProgressIn(tx, ctx, actor, id, input, opts.own));
  return getPledge({ ctx, actor, id });
}
