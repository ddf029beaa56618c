import { and, eq, or } from 'drizzle-orm';
import type { z } from 'zod';
import {
  principalOverlapProblem,
  samePostTwiceProblem,
  tenureDatesProblem,
} from '../../../../domain/tenure.js';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { badRequest, conflict, unprocessable } from '../../../platform/http/errors.js';
import { departureEvents, tenures } from '../schema.js';
import type { tenureUpdate } from './contract.js';
import { runDepartureCorrections } from './departure-hooks.js';
import { loadTenure } from './load-tenure.js';

/**
 * Corrects a tenure's dates and note (version-checked). Leaving a post is its own action, so an open
 * tenure stays open and an ended one stays ended; an unprocessed departure event follows the new end date.
 */
export async function updateTenure(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof tenureUpdate>;
}) {
  const { ctx, actor, id, input } = opts;
  const before = await loadTenure(ctx.db, actor, id);
  const endDate = input.endDate ?? null;
  if (!before.endDate && endDate)
    throw unprocessable('在任职务请通过“离任”办理', { endDate: '在任职务请通过“离任”办理' });
  if (before.endDate && !endDate) throw badRequest('请选择离任日期', { endDate: '请选择离任日期' });
  const problem = tenureDatesProblem(input.startDate, endDate);
  if (problem) throw badRequest(problem, { endDate: problem });
  const probationEnd = input.probationEnd ?? null;
  if (probationEnd && probationEnd < input.startDate)
    throw badRequest('试用期满日期不能早于任职日期', { probationEnd: '试用期满日期不能早于任职日期' });
  await ctx.db.transaction(async (tx) => {
    const span = { ...before, startDate: input.startDate, endDate };
    const related = await tx
      .select()
      .from(tenures)
      .where(
        before.positionId
          ? or(eq(tenures.positionId, before.positionId), eq(tenures.cadreId, before.cadreId))
          : eq(tenures.cadreId, before.cadreId),
      );
    const clash =
      principalOverlapProblem(span, related) ??
      samePostTwiceProblem(
        span,
        related.filter((t) => t.cadreId === before.cadreId),
      );
    if (clash) throw unprocessable(clash, { startDate: clash });
    const [saved] = await tx
      .update(tenures)
      .set({
        startDate: input.startDate,
        endDate,
        probationEnd,
        note: input.note ?? null,
        // a tenure read from a 简历 that the officer has corrected is theirs: a re-import keeps it
        source: before.source === 'resume' ? 'manual' : before.source,
        version: input.version + 1,
      })
      .where(and(eq(tenures.id, id), eq(tenures.version, input.version)))
      .returning();
    if (!saved) throw conflict();
    if ((before.isPrincipal || before.managesFunds) && endDate && endDate !== before.endDate) {
      // the event records the fact: it follows the correction, consumed or not, and so do the
      // records made from it that are still drafts (a departure audit's period)
      await tx.update(departureEvents).set({ leftOn: endDate }).where(eq(departureEvents.tenureId, id));
      await runDepartureCorrections(tx, ctx, actor, { tenureId: id, leftOn: endDate });
    }
    await recordAudit(tx, ctx.clock, actor, {
      action: 'tenure.update',
      objectType: 'cadre',
      objectId: before.cadreId,
      detail: {
        tenureId: id,
        before: { startDate: before.startDate, endDate: before.endDate, probationEnd: before.probationEnd },
        after: { startDate: saved.startDate, endDate: saved.endDate, probationEnd: saved.probationEnd },
      },
    });
  });
}
