import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { tenureDatesProblem } from '../../../../domain/tenure.js';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { badRequest, conflict, unprocessable } from '../../../platform/http/errors.js';
import { requireDictCode } from '../dict-code.js';
import { departureEvents, tenures } from '../schema.js';
import type { tenureEnd } from './contract.js';
import { syncCurrentPosition } from './current-posts.js';
import { runDepartureHandlers } from './departure-hooks.js';
import { loadTenure } from './load-tenure.js';

/**
 * 离任: the cadre leaves a post. Leaving a principal (正职) post records a departure event in the
 * same transaction; the audits module turns it into a departure audit (离任审计).
 */
export async function endTenure(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof tenureEnd>;
}) {
  const { ctx, actor, id, input } = opts;
  const tenure = await loadTenure(ctx.db, actor, id);
  if (tenure.endDate) throw unprocessable('该任职已离任');
  await requireDictCode(ctx.db, 'tenure_end_reason', input.endReason, 'endReason', '离任原因不正确');
  await ctx.db.transaction((tx) => endTenureIn(tx, ctx, actor, tenure, input));
}

type TenureRow = Awaited<ReturnType<typeof loadTenure>>;

/**
 * Ends a loaded, still-held tenure inside the caller's transaction: the row (guarded against a
 * concurrent end), the departure event of a principal post, the cadre's current position and the
 * audit record. `cause` says what ended it when it is another record (a 撤销任免决定 sanction).
 */
export async function endTenureIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  tenure: TenureRow,
  input: { endDate: string; endReason: string },
  cause?: Record<string, unknown>,
) {
  const id = tenure.id;
  // every way a tenure ends (the route, a revocation, an appointment, the demo) keeps its dates in order
  const problem = tenureDatesProblem(tenure.startDate, input.endDate);
  if (problem) throw badRequest(problem, { endDate: problem });
  const [saved] = await tx
    .update(tenures)
    // a tenure read from a 简历 that the officer has handled is theirs: a re-import keeps it
    .set({
      endDate: input.endDate,
      endReason: input.endReason,
      source: tenure.source === 'resume' ? 'manual' : tenure.source,
      version: tenure.version + 1,
    })
    .where(and(eq(tenures.id, id), isNull(tenures.endDate)))
    .returning();
  if (!saved) throw conflict('该任职已被他人办理离任，请刷新后查看');
  const [event] =
    (tenure.isPrincipal || tenure.managesFunds) && tenure.orgId !== null
      ? await tx
          .insert(departureEvents)
          .values({
            cadreId: tenure.cadreId,
            tenureId: id,
            orgId: tenure.orgId,
            leftOn: input.endDate,
            reason: input.endReason,
          })
          .returning({ id: departureEvents.id })
      : [];
  if (event && tenure.orgId !== null)
    await runDepartureHandlers(tx, ctx, actor, {
      eventId: event.id,
      cadreId: tenure.cadreId,
      tenureId: id,
      orgId: tenure.orgId,
      title: tenure.title,
      startDate: tenure.startDate,
      leftOn: input.endDate,
      reason: input.endReason,
    });
  await syncCurrentPosition(tx, tenure.cadreId, ctx.clock.now());
  await recordAudit(tx, ctx.clock, actor, {
    action: 'tenure.end',
    objectType: 'cadre',
    objectId: tenure.cadreId,
    detail: {
      tenureId: id,
      title: tenure.title,
      endDate: input.endDate,
      endReason: input.endReason,
      departureEventId: event?.id ?? null,
      ...cause,
    },
  });
}
