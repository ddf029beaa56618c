import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { petitionSubjects, petitions } from '../petitions/schema.js';
import { addEvent, loadCase } from './access.js';
import type { objectionIn } from './contract.js';
import { getCase } from './get-case.js';
import { appointmentCandidates, appointmentObjections } from './schema.js';

/**
 * The discipline officer concludes a report about a person under notice: 不影响任用 lets 任职 go on;
 * 影响任用 stops the case for that person.
 */
export async function concludeObjection(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof objectionIn>;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const row = await loadCase(tx, actor, id);
    if (row.step !== 'noticed' || !row.noticeStartsOn) throw unprocessable('该选拔任用事项不在任前公示阶段');
    const [c] = await tx
      .select()
      .from(appointmentCandidates)
      .where(and(eq(appointmentCandidates.id, input.candidateId), eq(appointmentCandidates.caseId, id)));
    if (c?.status !== 'passed')
      throw badRequest('该人选不在本次公示中', { candidateId: '该人选不在本次公示中' });
    const [p] = await tx
      .select({ id: petitions.id, code: petitions.code })
      .from(petitions)
      .where(
        and(
          eq(petitions.id, input.petitionId),
          gte(petitions.receivedOn, row.noticeStartsOn),
          lte(petitions.receivedOn, chinaDate(ctx.clock.now())),
          sql`exists (select 1 from ${petitionSubjects} s where s.petition_id = ${petitions.id} and s.cadre_id = ${c.cadreId})`,
        ),
      );
    if (!p)
      throw badRequest('该信访件不是公示期间反映该人选的问题', {
        petitionId: '该信访件不是公示期间反映该人选的问题',
      });
    const today = chinaDate(ctx.clock.now());
    const [saved] = await tx
      .insert(appointmentObjections)
      .values({
        caseId: id,
        candidateId: c.id,
        petitionId: p.id,
        outcome: input.outcome,
        reason: input.reason,
        concludedOn: today,
        userId: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!saved) throw unprocessable(`信访件 ${p.code} 已办结，不能重复办结`);
    if (input.outcome === 'affects')
      await tx
        .update(appointmentCandidates)
        .set({ status: 'stopped', stopReason: `公示期间反映问题经核查影响任用（${p.code}）` })
        .where(eq(appointmentCandidates.id, c.id));
    await addEvent(tx, ctx, actor, id, 'objection_conclude', {
      detail: { candidateId: c.id, petition: p.code, outcome: input.outcome },
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'appointment.objection_conclude',
      objectType: 'appointment',
      objectId: id,
      detail: { candidateId: c.id, petitionId: p.id, outcome: input.outcome },
    });
  });
  return getCase({ ctx, actor, id });
}
