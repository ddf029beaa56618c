import { eq, inArray, or } from 'drizzle-orm';
import type { z } from 'zod';
import { probationFor } from '../../../domain/appointments/notice.js';
import { dispatchProblem } from '../../../domain/appointments/responsibility.js';
import { nextStep } from '../../../domain/appointments/workflow.js';
import { chinaDate } from '../../../domain/calendar.js';
import { rung } from '../../../domain/promotion-ladder.js';
import { principalOverlapProblem, samePostTwiceProblem } from '../../../domain/tenure.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { AppError, badRequest, unprocessable } from '../../platform/http/errors.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { positions, tenures } from '../cadres/schema.js';
import { syncCurrentPosition } from '../cadres/tenures/current-posts.js';
import { endTenureIn } from '../cadres/tenures/end-tenure.js';
import { addEvent, bumpVersion, loadForChange } from './access.js';
import type { appointIn } from './contract.js';
import { candidatesOf, getCase } from './get-case.js';
import { openObjections } from './interlock.js';
import { appointmentCandidates } from './schema.js';

registerTodoRecordType('appointment_probation', 'appointment.read');

type Input = z.infer<typeof appointIn>;

/** 409 naming the petition numbers (never their content) while a report about the person is open. */
const objectionOpen = (name: string, codes: string[]) =>
  new AppError(
    409,
    'objection_open',
    `${name}在任前公示期间被反映的问题尚未办结（信访件 ${codes.join('、')}），暂不能办理任职`,
  );

/**
 * 任职: the 任免文件 (its 任 lines must match the decisions exactly), after the notice has closed and
 * with no open objection. In one transaction each person's new tenure is created (with 试用期 where
 * they are promoted to a non-elected post, and its end-of-probation review as a to-do) and their
 * previous posts end.
 */
export async function appointInTx(tx: Queryable, ctx: AppContext, actor: Actor, id: number, input: Input) {
  const row = await loadForChange(tx, actor, id, input.version);
  const step = nextStep(row.step as 'noticed', 'appoint');
  if ('problem' in step) throw unprocessable(step.problem);
  const today = chinaDate(ctx.clock.now());
  if (!row.noticeEndsOn || today <= row.noticeEndsOn)
    throw unprocessable(`任前公示期至 ${row.noticeEndsOn} 届满，期满后方可办理任职`);
  if (input.startDate <= row.noticeEndsOn)
    throw badRequest('任职日期须在公示期满之后', { startDate: '任职日期须在公示期满之后' });
  const passed = (await candidatesOf(tx, id)).filter((c) => c.status === 'passed');
  if (!passed.length) throw unprocessable('没有可任职的人选（均未通过或已终止任用）');
  for (const c of passed) {
    const open = await openObjections(tx, c, row.noticeStartsOn!, today);
    if (open.length)
      throw objectionOpen(
        c.name,
        open.map((p) => p.code),
      );
  }
  const problem = dispatchProblem(input.lines, passed);
  if (problem) throw badRequest(problem.message, { [problem.field]: problem.message });
  const months = await ctx.rules.value<number>('appointment.probation', input.startDate);
  const posts = await tx
    .select()
    .from(positions)
    .where(inArray(positions.id, [...new Set(passed.map((c) => c.positionId))]))
    .for('update');
  for (const c of passed) {
    const post = posts.find((p) => p.id === c.positionId)!;
    const related = await tx
      .select()
      .from(tenures)
      .where(or(eq(tenures.positionId, post.id), eq(tenures.cadreId, c.cadreId)));
    const span = {
      positionId: post.id,
      isPrincipal: post.isPrincipal,
      startDate: input.startDate,
      endDate: null,
    };
    const clash =
      principalOverlapProblem(span, related) ??
      samePostTwiceProblem(
        span,
        related.filter((t) => t.cadreId === c.cadreId),
      );
    if (clash) throw new AppError(409, 'post_filled', `${c.name}：${clash}`, { lines: clash });
    // the previous posts end the day the new one begins
    const held = related.filter(
      (t) => t.cadreId === c.cadreId && t.endDate === null && t.startDate <= input.startDate,
    );
    for (const t of held)
      await endTenureIn(
        tx,
        ctx,
        actor,
        t,
        { endDate: input.startDate, endReason: 'transfer' },
        { cause: 'appointment.appoint', appointmentId: id },
      );
    const previous = Math.max(-1, ...held.map((t) => rung(t.level)));
    const probationEnd = probationFor(
      {
        startDate: input.startDate,
        promoted: rung(post.level) > previous && previous >= 0,
        elected: c.elected,
      },
      months,
    );
    const [tenure] = await tx
      .insert(tenures)
      .values({
        cadreId: c.cadreId,
        positionId: post.id,
        orgId: post.orgId,
        title: post.title,
        level: post.level,
        isPrincipal: post.isPrincipal,
        managesFunds: post.managesFunds,
        startDate: input.startDate,
        probationEnd,
        appointmentId: id,
        note: `${input.dispatchCode}（${row.code}）`,
      })
      .returning();
    await syncCurrentPosition(tx, c.cadreId, ctx.clock.now());
    await tx
      .update(appointmentCandidates)
      .set({ status: 'appointed', tenureId: tenure.id, probationEnd })
      .where(eq(appointmentCandidates.id, c.id));
    if (probationEnd)
      await createTodo(tx, ctx.clock, {
        title: `试用期满考核：${c.name}（${post.title}）`,
        recordType: 'appointment_probation',
        recordId: c.id,
        link: `/appointments/${id}`,
        orgId: row.orgId,
        assigneeRole: 'org_officer',
        dueOn: probationEnd,
        subjectCadreIds: [c.cadreId],
        fallback: { orgId: row.orgId, assigneeRole: 'party_secretary' },
      });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'tenure.start',
      objectType: 'cadre',
      objectId: c.cadreId,
      detail: {
        tenureId: tenure.id,
        name: c.name,
        title: post.title,
        startDate: input.startDate,
        appointmentId: id,
      },
    });
  }
  await completeTodos(tx, ctx.clock, { recordType: 'appointment', recordId: id });
  await bumpVersion(
    tx,
    row,
    { step: step.to, dispatchCode: input.dispatchCode, dispatchOn: input.dispatchOn },
    ctx.clock.now(),
  );
  await addEvent(tx, ctx, actor, id, 'appoint', {
    occurredOn: input.startDate,
    detail: { dispatchCode: input.dispatchCode, people: passed.length },
  });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'appointment.appoint',
    objectType: 'appointment',
    objectId: id,
    detail: {
      dispatchCode: input.dispatchCode,
      startDate: input.startDate,
      candidates: passed.map((c) => c.id),
    },
  });
}

export async function appoint(opts: { ctx: AppContext; actor: Actor; id: number; input: Input }) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction((tx) => appointInTx(tx, ctx, actor, id, input));
  return getCase({ ctx, actor, id });
}
