import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { type ResponsibleRole, responsiblePeople } from '../../../domain/appointments/responsibility.js';
import { tenureDatesProblem } from '../../../domain/tenure.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import { proposeAccountability } from '../accountability/propose.js';
import { cadres, tenures } from '../cadres/schema.js';
import { endTenureIn } from '../cadres/tenures/end-tenure.js';
import { addEvent, bumpVersion, loadForChange } from './access.js';
import type { revokeIn } from './contract.js';
import { getCase } from './get-case.js';
import { appointmentCandidates, appointmentResponsibles } from './schema.js';

type Input = z.infer<typeof revokeIn>;

/**
 * 撤销任免决定: each named decision's tenure ends on the day with the revocation as its reason, and
 * the accountability register gets one proposal (失察 or 考察失误) for exactly the people who answered
 * for the case's steps — 推荐人, 考察组成员, 承办人 and the deciding meeting's responsible person —
 * each once. Returns the proposal's id.
 */
export async function revokeDecisionsIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: Input,
) {
  const row = await loadForChange(tx, actor, id, input.version);
  if (row.step !== 'appointed') throw unprocessable('只有已任职的选拔任用事项才能撤销任免决定');
  const rows = await tx
    .select({ c: appointmentCandidates, name: cadres.name })
    .from(appointmentCandidates)
    .innerJoin(cadres, eq(cadres.id, appointmentCandidates.cadreId))
    .where(and(eq(appointmentCandidates.caseId, id), inArray(appointmentCandidates.id, input.candidateIds)));
  for (const [i, cid] of input.candidateIds.entries()) {
    const x = rows.find((r) => r.c.id === cid);
    if (x?.c.status !== 'appointed' || !x.c.tenureId)
      throw badRequest('所选人选没有可撤销的任职决定', {
        [`candidateIds.${i}`]: '所选人选没有可撤销的任职决定',
      });
  }
  const held = await tx
    .select()
    .from(tenures)
    .where(
      inArray(
        tenures.id,
        rows.map((r) => r.c.tenureId!),
      ),
    );
  for (const { c, name } of rows) {
    const t = held.find((h) => h.id === c.tenureId)!;
    if (t.endDate) throw unprocessable(`${name}的任职已于 ${t.endDate} 结束，不能撤销`);
    const problem = tenureDatesProblem(t.startDate, input.on);
    if (problem) throw badRequest(problem, { on: problem });
    await endTenureIn(
      tx,
      ctx,
      actor,
      t,
      { endDate: input.on, endReason: 'revoked' },
      // the reason is case content: it stays on the candidate and the case's event, not in the audit log
      { cause: 'appointment.revoke', appointmentId: id },
    );
    await tx
      .update(appointmentCandidates)
      .set({ status: 'revoked', revokedOn: input.on, revokeReason: input.reason })
      .where(eq(appointmentCandidates.id, c.id));
    await completeTodos(tx, ctx.clock, { recordType: 'appointment_probation', recordId: c.id });
  }
  const people = responsiblePeople(
    (
      await tx
        .select()
        .from(appointmentResponsibles)
        .where(eq(appointmentResponsibles.caseId, id))
        .orderBy(asc(appointmentResponsibles.id))
    ).map((p) => ({ cadreId: p.cadreId, name: p.name, role: p.role as ResponsibleRole })),
  );
  const proposalId = await proposeAccountability(tx, ctx, actor, {
    orgId: row.orgId,
    kind: input.kind,
    title: `${input.kind === 'inspection_error' ? '考察失误' : '选人用人失察'}：${row.code}`,
    facts: `${row.code}“${row.title}”中${rows.map((r) => r.name).join('、')}共 ${rows.length} 名干部的任免决定于 ${input.on} 被撤销。撤销理由：${input.reason}`,
    basis: '《选拔任用干部失察追究制度》',
    basisPolicyId: null,
    decidingBody: null,
    decidedOn: null,
    persons: people.map((p) => ({
      cadreId: p.cadreId,
      name: p.cadreId ? null : p.name,
      post: null,
      role: p.role,
      sanctions: [],
    })),
    source: 'appointment',
    sourceRef: `appointment:${id}`,
  });
  await bumpVersion(tx, row, {}, ctx.clock.now());
  await addEvent(tx, ctx, actor, id, 'revoke', {
    occurredOn: input.on,
    reason: input.reason,
    detail: { candidates: input.candidateIds, accountabilityId: proposalId },
  });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'appointment.revoke',
    objectType: 'appointment',
    objectId: id,
    detail: { candidates: input.candidateIds, on: input.on, accountabilityId: proposalId },
  });
  return proposalId;
}

export async function revokeDecisions(opts: { ctx: AppContext; actor: Actor; id: number; input: Input }) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction((tx) => revokeDecisionsIn(tx, ctx, actor, id, input));
  return getCase({ ctx, actor, id });
}
