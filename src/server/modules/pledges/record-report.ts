import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest, conflict } from '../../platform/http/errors.js';
import { loadPledge } from './access.js';
import type { ReportInput } from './contract.js';
import { getPledge } from './get-pledge.js';
import { pledges } from './schema.js';

/** 述诺: the cadre's year-end report on the pledge, entered by the officer (replaces an earlier one). */
export async function recordReport(opts: { ctx: AppContext; actor: Actor; id: number; input: ReportInput }) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const p = await loadPledge(tx, actor, id, { version: input.version });
    if (input.reportedOn < p.pledgedOn)
      throw badRequest('述诺日期不能早于承诺日期', { reportedOn: '述诺日期不能早于承诺日期' });
    const [saved] = await tx
      .update(pledges)
      .set({
        report: input.report,
        reportedOn: input.reportedOn,
        version: p.version + 1,
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(pledges.id, p.id), eq(pledges.version, p.version)))
      .returning({ id: pledges.id });
    if (!saved) throw conflict();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'pledge.report',
      objectType: 'pledge',
      objectId: p.id,
      detail: { reportedOn: input.reportedOn },
    });
  });
  return getPledge({ ctx, actor, id });
}
