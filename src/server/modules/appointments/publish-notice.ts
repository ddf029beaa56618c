import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { noticePeriodProblem } from '../../../domain/appointments/notice.js';
import { nextStep } from '../../../domain/appointments/workflow.js';
import { addDays } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { addEvent, bumpVersion, loadForChange } from './access.js';
import type { noticeIn } from './contract.js';
import { getCase } from './get-case.js';
import { appointmentCandidates } from './schema.js';

type Input = z.infer<typeof noticeIn>;

/**
 * 任前公示: the notice of the people decided, at least the rule's working days on the calendar
 * (`appointment.notice_period`). It shows on the portal while it runs and closes itself on its last
 * day; from the next working day the organisation officer has a to-do until the case moves on.
 */
export async function publishNotice(opts: { ctx: AppContext; actor: Actor; id: number; input: Input }) {
  const { ctx, actor, id, input } = opts;
  const cal = await ctx.calendar.current();
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, actor, id, input.version);
    const step = nextStep(row.step as 'decided', 'publish_notice');
    if ('problem' in step) throw unprocessable(step.problem);
    const passed = await tx
      .select()
      .from(appointmentCandidates)
      .where(and(eq(appointmentCandidates.caseId, id), eq(appointmentCandidates.status, 'passed')));
    if (!passed.length) throw unprocessable('讨论决定没有通过的人选，不能公示');
    const meetingOn = (row.meeting as { on?: string } | null)?.on ?? row.proposedOn;
    if (input.startsOn < meetingOn)
      throw badRequest('公示不能早于讨论决定', { startsOn: '公示不能早于讨论决定' });
    const min = await ctx.rules.value<number>('appointment.notice_period', input.startsOn);
    const problem = noticePeriodProblem(input.startsOn, input.endsOn, min, cal);
    if (problem) throw badRequest(problem, { endsOn: problem });
    const saved = await bumpVersion(
      tx,
      row,
      {
        step: step.to,
        noticeCode: input.code,
        noticeStartsOn: input.startsOn,
        noticeEndsOn: input.endsOn,
        noticeContact: input.contact,
      },
      ctx.clock.now(),
    );
    await createTodo(tx, ctx.clock, {
      title: `任前公示期满，办理任职或终止：${saved.code}`,
      recordType: 'appointment',
      recordId: id,
      link: `/appointments/${id}`,
      orgId: row.orgId,
      assigneeRole: 'org_officer',
      dueOn: await ctx.calendar.addWorkingDays(addDays(input.endsOn, 0), 1),
      subjectCadreIds: saved.subjectCadreIds,
      fallback: { orgId: row.orgId, assigneeRole: 'party_secretary' },
    });
    await addEvent(tx, ctx, actor, id, 'notice', {
      occurredOn: input.startsOn,
      detail: { code: input.code, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'appointment.notice',
      objectType: 'appointment',
      objectId: id,
      detail: { code: input.code, startsOn: input.startsOn, endsOn: input.endsOn, people: passed.length },
    });
  });
  return getCase({ ctx, actor, id });
}
