import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { authorityProblem } from '../../../domain/appointments/authority.js';
import { attendanceProblem, passes, voteSumProblem } from '../../../domain/appointments/votes.js';
import { nextStep } from '../../../domain/appointments/workflow.js';
import type { Actor } from '../../platform/access/actor.js';
import { can } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest, forbidden, unprocessable } from '../../platform/http/errors.js';
import { eligibilityOf } from '../cadres/file/cadre-eligibility.js';
import { addEvent, bumpVersion, loadCase, loadForChange } from './access.js';
import type { decideIn } from './contract.js';
import { candidatesOf, getCase } from './get-case.js';
import { writeResponsibles } from './people.js';
import { appointmentCandidates } from './schema.js';

type Input = z.infer<typeof decideIn>;

/**
 * 讨论决定: the meeting of the deciding body — members due and present (quorum by rule), one vote row
 * per 考察对象 adding up to those present, and the decision rule checked: more than the rule's share
 * of the members **due**. Eligibility is checked again on the meeting's day: a blocked candidate is
 * decided only with an override reason recorded by a holder of appointment.override (audited).
 */
export async function decide(opts: { ctx: AppContext; actor: Actor; id: number; input: Input }) {
  const { ctx, actor, id, input } = opts;
  const before = await loadCase(ctx.db, actor, id);
  const candidates = (await candidatesOf(ctx.db, id)).filter((c) => c.status === 'inspected');
  // eligibility reads through the outer handle: before the transaction
  const blocked = new Map<number, string>();
  for (const c of candidates) {
    const e = await eligibilityOf(ctx, c.cadreId, input.on, { level: c.level, isPrincipal: c.isPrincipal });
    if (e.verdict === 'blocked') blocked.set(c.id, e.reasons.map((r) => r.message).join('；'));
  }
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, actor, id, input.version);
    const step = nextStep(row.step as 'inspected', 'decide');
    if ('problem' in step) throw unprocessable(step.problem);
    const table = await ctx.rules.value<Record<string, string[]>>(
      'appointment.delegated_authority',
      input.on,
    );
    const authority = authorityProblem(
      row.decidingBody,
      candidates.map((c) => c.level),
      table,
    );
    if (authority) throw unprocessable(authority, { decidingBody: authority });
    const attendShare = await ctx.rules.value<number>('appointment.meeting_attendance', input.on);
    const attendance = attendanceProblem(input.membersDue, input.membersPresent, attendShare);
    if (attendance) throw unprocessable(attendance.message, { [attendance.field]: attendance.message });
    const sums = voteSumProblem(input.membersPresent, input.votes);
    if (sums) throw badRequest(sums.message, { [sums.field]: sums.message });
    const seen = new Set<number>();
    for (const [i, v] of input.votes.entries()) {
      if (!candidates.some((c) => c.id === v.candidateId) || seen.has(v.candidateId))
        throw badRequest('表决对象须为本事项的考察对象，每人一行', {
          [`votes.${i}.candidateId`]: '表决对象须为本事项的考察对象，每人一行',
        });
      seen.add(v.candidateId);
    }
    const missing = candidates.find((c) => !seen.has(c.id));
    if (missing)
      throw badRequest(`请录入${missing.name}的表决结果`, { votes: `请录入${missing.name}的表决结果` });
    const share = await ctx.rules.value<number>('appointment.committee_quorum', input.on);
    const overrides: number[] = [];
    for (const [i, v] of input.votes.entries()) {
      const ok = passes(v.approve, input.membersDue, share);
      const why = blocked.get(v.candidateId);
      if (ok && why) {
        const field = `votes.${i}.overrideReason`;
        if (!v.overrideReason) {
          const message = `该人选资格审查未通过（${why}），须由有权限的人员记录理由后方可决定`;
          throw unprocessable(message, { [field]: message });
        }
        if (!can(actor, 'appointment.override'))
          throw forbidden('资格审查未通过的人选须由有更高权限的人员作出决定');
        overrides.push(v.candidateId);
      }
      await tx
        .update(appointmentCandidates)
        .set({
          approve: v.approve,
          oppose: v.oppose,
          abstain: v.abstain,
          status: ok ? 'passed' : 'rejected',
          overrideReason: ok && why ? v.overrideReason! : null,
          overrideBy: ok && why ? actor.userId : null,
        })
        .where(eq(appointmentCandidates.id, v.candidateId));
    }
    await writeResponsibles(tx, actor, id, 'decider', [input.chair], 'chair');
    await bumpVersion(
      tx,
      row,
      {
        step: step.to,
        meeting: {
          body: row.decidingBody,
          on: input.on,
          membersDue: input.membersDue,
          membersPresent: input.membersPresent,
          share,
        },
      },
      ctx.clock.now(),
    );
    await addEvent(tx, ctx, actor, id, 'decide', { occurredOn: input.on });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'appointment.decide',
      objectType: 'appointment',
      objectId: id,
      detail: { membersDue: input.membersDue, membersPresent: input.membersPresent, code: before.code },
    });
    for (const candidateId of overrides)
      await recordAudit(tx, ctx.clock, actor, {
        action: 'appointment.override',
        objectType: 'appointment',
        objectId: id,
        detail: { candidateId, reasons: blocked.get(candidateId) },
      });
  });
  return getCase({ ctx, actor, id });
}
