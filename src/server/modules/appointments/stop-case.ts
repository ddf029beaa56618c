import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { nextStep } from '../../../domain/appointments/workflow.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { unprocessable } from '../../platform/http/errors.js';
import { cancelTodos } from '../../platform/todos/close-todos.js';
import { addEvent, bumpVersion, loadForChange } from './access.js';
import type { stopIn } from './contract.js';
import { getCase } from './get-case.js';
import { appointmentCandidates } from './schema.js';

/** 撤销: the case ends at its current step with a reason; its open to-dos are withdrawn. */
export async function stopCase(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof stopIn>;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, actor, id, input.version);
    const step = nextStep(row.step as 'proposed', 'stop');
    if ('problem' in step) throw unprocessable(step.problem);
    const today = chinaDate(ctx.clock.now());
    await tx
      .update(appointmentCandidates)
      .set({ status: 'stopped', stopReason: input.reason })
      .where(
        and(
          eq(appointmentCandidates.caseId, id),
          inArray(appointmentCandidates.status, ['recommended', 'inspected', 'passed']),
        ),
      );
    await bumpVersion(
      tx,
      row,
      { step: step.to, stoppedOn: today, stopReason: input.reason },
      ctx.clock.now(),
    );
    await cancelTodos(tx, ctx.clock, { recordType: 'appointment', recordId: id });
    await addEvent(tx, ctx, actor, id, 'stop', { reason: input.reason, detail: { from: row.step } });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'appointment.stop',
      objectType: 'appointment',
      objectId: id,
      detail: { from: row.step }, // the reason is case content: it stays on the case and its event
    });
  });
  return getCase({ ctx, actor, id });
}
