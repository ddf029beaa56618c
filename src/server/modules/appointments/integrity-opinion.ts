import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import { addEvent, loadCase } from './access.js';
import type { integrityIn } from './contract.js';
import { getCase } from './get-case.js';
import { appointmentCandidates } from './schema.js';

/** 廉政意见: the discipline officer's opinion on a 考察对象; the to-do is done when every one has one. */
export async function giveIntegrityOpinion(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof integrityIn>;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const row = await loadCase(tx, actor, id);
    if (row.step === 'stopped' || row.step === 'appointed')
      throw unprocessable('该选拔任用事项已结束，不能出具廉政意见');
    const today = chinaDate(ctx.clock.now());
    const [c] = await tx
      .update(appointmentCandidates)
      .set({ integrityOpinion: input.opinion, integrityOn: today })
      .where(
        and(
          eq(appointmentCandidates.id, input.candidateId),
          eq(appointmentCandidates.caseId, id),
          eq(appointmentCandidates.status, 'inspected'),
        ),
      )
      .returning();
    if (!c) throw badRequest('该人选不是本事项的考察对象', { candidateId: '该人选不是本事项的考察对象' });
    const waiting = await tx
      .select({ id: appointmentCandidates.id })
      .from(appointmentCandidates)
      .where(
        and(
          eq(appointmentCandidates.caseId, id),
          eq(appointmentCandidates.status, 'inspected'),
          isNull(appointmentCandidates.integrityOpinion),
        ),
      );
    if (!waiting.length) await completeTodos(tx, ctx.clock, { recordType: 'appointment', recordId: id });
    await addEvent(tx, ctx, actor, id, 'integrity_opinion', { detail: { candidateId: c.id } });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'appointment.integrity_opinion',
      objectType: 'appointment',
      objectId: id,
      detail: { candidateId: c.id, cadreId: c.cadreId },
    });
  });
  return getCase({ ctx, actor, id });
}
