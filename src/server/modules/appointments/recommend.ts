import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  attendanceProblem,
  rankRecommendation,
  recommendationAttendanceProblem,
  weightedScore,
} from '../../../domain/appointments/votes.js';
import { nextStep } from '../../../domain/appointments/workflow.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { addEvent, bumpVersion, loadForChange } from './access.js';
import type { recommendIn } from './contract.js';
import { getCase } from './get-case.js';
import { requireCadres, writeResponsibles } from './people.js';
import { appointmentCandidates, appointmentRegistrants } from './schema.js';

type Input = z.infer<typeof recommendIn>;

/**
 * 民主推荐: the participants due and present, one row per candidate and post with their votes (and
 * for 公开选拔/竞争上岗 their exam and interview scores); the result orders the candidates per post.
 * Candidates must be registry cadres in the caller's scope, for posts of the case.
 */
export async function recordRecommendation(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: Input,
) {
  const row = await loadForChange(tx, actor, id, input.version);
  const step = nextStep(row.step as 'proposed', 'recommend');
  if ('problem' in step) throw unprocessable(step.problem);
  const [registered] = await tx
    .select({ id: appointmentRegistrants.id })
    .from(appointmentRegistrants)
    .where(eq(appointmentRegistrants.caseId, id))
    .limit(1);
  if (registered)
    throw unprocessable('本事项已有报名人员，请按资格审查和成绩排名确定考察对象，不再录入民主推荐结果');
  if (input.present > input.due)
    throw badRequest('实参加人数不能多于应参加人数', { present: '实参加人数不能多于应参加人数' });
  const attendance = attendanceProblem(input.due, input.present, 0);
  if (attendance) throw badRequest(attendance.message, { due: attendance.message });
  const share = await ctx.rules.value<number>('appointment.recommendation_attendance', input.on);
  const quorum = recommendationAttendanceProblem(input.due, input.present, share);
  if (quorum) throw unprocessable(quorum.message, { [quorum.field]: quorum.message });
  for (const [i, c] of input.candidates.entries()) {
    if (!row.positionIds.includes(c.positionId))
      throw badRequest('该职务不在本次动议的职务中', {
        [`candidates.${i}.positionId`]: '该职务不在本次动议的职务中',
      });
    if (c.votes > input.present) {
      const message = `得票数不能多于实参加人数 ${input.present}`;
      throw badRequest(message, { [`candidates.${i}.votes`]: message });
    }
  }
  await requireCadres(
    tx,
    actor,
    input.candidates.map((c, i) => ({ id: c.cadreId, field: `candidates.${i}.cadreId` })),
  );
  // 公开选拔 / 竞争上岗 with exam and interview scores rank by the weighted total (weights: rule
  // appointment.score_weights); otherwise by the recommendation votes
  const scored =
    (row.method === 'open_selection' || row.method === 'competitive') &&
    input.candidates.every((c) => c.examScore != null && c.interviewScore != null);
  const weights = scored
    ? await ctx.rules.value<{ exam: number; interview: number }>('appointment.score_weights', input.on)
    : null;
  const ranked = new Map<number, number>();
  for (const positionId of row.positionIds) {
    const rows = input.candidates
      .map((c, idx) => ({
        ...c,
        idx,
        key: weights ? weightedScore(c.examScore!, c.interviewScore!, weights) : c.votes,
      }))
      .filter((c) => c.positionId === positionId);
    const order = rankRecommendation(
      rows.map((r) => ({ ...r, votes: r.key })),
      input.present,
    );
    for (const r of order) ranked.set(r.idx, r.rank);
  }
  await tx.delete(appointmentCandidates).where(eq(appointmentCandidates.caseId, id));
  await tx.insert(appointmentCandidates).values(
    input.candidates.map((c, i) => ({
      caseId: id,
      cadreId: c.cadreId,
      positionId: c.positionId,
      recommendVotes: c.votes,
      examScore: c.examScore ?? null,
      interviewScore: c.interviewScore ?? null,
      rank: ranked.get(i) ?? null,
    })),
  );
  await writeResponsibles(tx, actor, id, 'recommender', input.recommenders, 'recommenders');
  await bumpVersion(
    tx,
    row,
    {
      step: step.to,
      recommendation: { kind: input.kind, due: input.due, present: input.present, on: input.on },
      subjectCadreIds: [...new Set(input.candidates.map((c) => c.cadreId))],
    },
    ctx.clock.now(),
  );
  await addEvent(tx, ctx, actor, id, 'recommend', { occurredOn: input.on });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'appointment.recommend',
    objectType: 'appointment',
    objectId: id,
    detail: { candidates: input.candidates.length, present: input.present },
  });
}

export async function recommend(opts: { ctx: AppContext; actor: Actor; id: number; input: Input }) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction((tx) => recordRecommendation(tx, ctx, actor, id, input));
  return getCase({ ctx, actor, id });
}
