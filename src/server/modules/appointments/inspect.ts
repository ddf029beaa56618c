import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { nextStep } from '../../../domain/appointments/workflow.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { addEvent, bumpVersion, loadForChange } from './access.js';
import type { inspectIn } from './contract.js';
import { getCase } from './get-case.js';
import { writeResponsibles } from './people.js';
import { appointmentCandidates } from './schema.js';

type Input = z.infer<typeof inspectIn>;

/**
 * 确定考察对象 and 考察: the team (考察组, responsible), the number talked to, the findings. The
 * integrity opinion (廉政意见) of each 考察对象 is asked of the discipline officer as a to-do with the
 * rule's clock (`appointment.integrity_opinion` working days).
 */
export async function recordInspection(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: Input,
) {
  const row = await loadForChange(tx, actor, id, input.version);
  const step = nextStep(row.step as 'recommended', 'inspect');
  if ('problem' in step) throw unprocessable(step.problem);
  const candidates = await tx
    .select()
    .from(appointmentCandidates)
    .where(eq(appointmentCandidates.caseId, id));
  for (const [i, cid] of input.candidateIds.entries())
    if (!candidates.some((c) => c.id === cid))
      throw badRequest('考察对象须为本事项的推荐人选', {
        [`candidateIds.${i}`]: '考察对象须为本事项的推荐人选',
      });
  await tx
    .update(appointmentCandidates)
    .set({ status: 'inspected' })
    .where(and(eq(appointmentCandidates.caseId, id), inArray(appointmentCandidates.id, input.candidateIds)));
  await writeResponsibles(tx, actor, id, 'inspector', input.team, 'team');
  const saved = await bumpVersion(
    tx,
    row,
    { step: step.to, inspection: { on: input.on, talkedTo: input.talkedTo, findings: input.findings } },
    ctx.clock.now(),
  );
  const days = await ctx.rules.value<number>('appointment.integrity_opinion', input.on);
  await createTodo(tx, ctx.clock, {
    title: `出具廉政意见：${saved.code}`,
    recordType: 'appointment',
    recordId: id,
    link: `/appointments/${id}`,
    orgId: row.orgId,
    assigneeRole: 'discipline_officer',
    dueOn: await ctx.calendar.addWorkingDays(chinaDate(ctx.clock.now()), days),
    subjectCadreIds: saved.subjectCadreIds,
    fallback: { orgId: row.orgId, assigneeRole: 'party_secretary' },
  });
  await addEvent(tx, ctx, actor, id, 'inspect', { occurredOn: input.on });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'appointment.inspect',
    objectType: 'appointment',
    objectId: id,
    detail: { candidates: input.candidateIds, team: input.team.length },
  });
}

export async function inspect(opts: { ctx: AppContext; actor: Actor; id: number; input: Input }) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction((tx) => recordInspection(tx, ctx, actor, id, input));
  return getCase({ ctx, actor, id });
}
