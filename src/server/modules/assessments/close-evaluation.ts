import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { ballotProblem, belowThreshold } from '../../../domain/assessments/evaluation.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, conflict, unprocessable } from '../../platform/http/errors.js';
import { openAdmonition } from '../admonitions/open-admonition.js';
import { loadEvaluation } from './access.js';
import { evaluationBallots, evaluations } from './schema.js';
import { tallyOf } from './tally-evaluation.js';

/**
 * 结束测评 inside the caller's transaction: the tally is kept on the record; each subject whose share
 * of 差 reaches the threshold (rule evaluation.poor_threshold) gets an admonition talk opened from
 * the evaluation (source 民主测评) — only when the result may be shown (anonymity threshold).
 */
export async function closeEvaluationIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  id: number,
  version: number,
  on?: string,
) {
  const ev = await loadEvaluation(tx, actor, id, version);
  if (ev.status !== 'open') throw unprocessable('测评已结束', { version: '测评已结束' });
  const closedOn = on ?? chinaDate(ctx.clock.now());
  if (closedOn < ev.heldOn) throw badRequest('结束日期不能早于测评日期', { on: '结束日期不能早于测评日期' });
  const t = await tallyOf(tx, ctx, ev);
  const [saved] = await tx
    .update(evaluations)
    .set({
      status: 'closed',
      closedOn,
      result: { cast: t.cast, tallies: t.tallies, threshold: t.threshold, visible: t.visible },
      version: ev.version + 1,
      updatedAt: ctx.clock.now(),
    })
    .where(and(eq(evaluations.id, ev.id), eq(evaluations.version, ev.version)))
    .returning();
  if (!saved) throw conflict();
  const proposed: number[] = [];
  if (t.visible)
    for (const x of t.tallies.filter((s) => belowThreshold(s, t.threshold))) {
      const a = await openAdmonition(tx, ctx, actor, {
        cadreId: x.subjectId,
        source: {
          kind: '民主测评',
          refType: 'evaluation',
          refId: ev.id,
          note: `${ev.title}：“差”票 ${x.poorShare}%（${x.counts.overall.差}/${x.ballots}），达到 ${t.threshold}% 的诫勉谈话标准`,
        },
        reason: `民主测评中“差”票占 ${x.poorShare}%，达到诫勉谈话标准（${t.threshold}%）`,
        openedOn: closedOn,
      });
      proposed.push(a.id);
    }
  await recordAudit(tx, ctx.clock, actor, {
    action: 'assessment.evaluation_close',
    objectType: 'evaluation',
    objectId: ev.id,
    detail: { cast: t.cast, visible: t.visible, admonitions: proposed },
  });
  return saved;
}

/** 录入纸质测评票: each a ballot of channel paper; ballots never exceed the electorate. */
export async function addPaperBallotsIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  id: number,
  version: number,
  ballots: unknown[],
) {
  const ev = await loadEvaluation(tx, actor, id, version);
  if (ev.status !== 'open') throw unprocessable('测评已结束，不能再录入', { ballots: '测评已结束' });
  const [{ n }] = await tx
    .select({ n: count() })
    .from(evaluationBallots)
    .where(and(eq(evaluationBallots.evaluationId, ev.id), eq(evaluationBallots.channel, 'paper')));
  if (ev.codesIssued + Number(n) + ballots.length > ev.electorate)
    throw badRequest(`测评票总数不能超过应参加测评人数 ${ev.electorate}`, {
      ballots: `测评票总数不能超过应参加测评人数 ${ev.electorate}`,
    });
  for (const [i, b] of ballots.entries()) {
    const problem = ballotProblem(b, ev.subjectCadreIds);
    if (problem) throw badRequest(`第 ${i + 1} 张：${problem}`, { [`ballots.${i}`]: problem });
  }
  await tx
    .insert(evaluationBallots)
    .values(
      ballots.map((b) => ({ id: randomUUID(), evaluationId: ev.id, channel: 'paper', answers: b as object })),
    );
  const [saved] = await tx
    .update(evaluations)
    .set({ version: ev.version + 1, updatedAt: ctx.clock.now() })
    .where(and(eq(evaluations.id, ev.id), eq(evaluations.version, ev.version)))
    .returning();
  if (!saved) throw conflict();
  await recordAudit(tx, ctx.clock, actor, {
    action: 'assessment.paper_ballots',
    objectType: 'evaluation',
    objectId: ev.id,
    detail: { count: ballots.length },
  });
  return saved;
}
