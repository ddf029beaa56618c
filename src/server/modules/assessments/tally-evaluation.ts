import { and, desc, eq, inArray, lt, ne } from 'drizzle-orm';
import {
  type BallotAnswers,
  belowThreshold,
  resultsVisible,
  type SubjectTally,
  tally,
} from '../../../domain/assessments/evaluation.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { admonitions } from '../admonitions/schema.js';
import { cadres } from '../cadres/schema.js';
import type { EvaluationRow } from './access.js';
import { evaluationBallots, evaluations } from './schema.js';

/** The tally of an evaluation as of now, with the rules of its day. */
export async function tallyOf(db: Queryable, ctx: AppContext, ev: EvaluationRow) {
  const ballots = await db
    .select({ answers: evaluationBallots.answers })
    .from(evaluationBallots)
    .where(eq(evaluationBallots.evaluationId, ev.id));
  const minBallots = await ctx.rules.value<number>('evaluation.min_ballots', ev.heldOn);
  const threshold = await ctx.rules.value<number>('evaluation.poor_threshold', ev.heldOn);
  const tallies = tally(
    ballots.map((b) => b.answers as BallotAnswers),
    ev.subjectCadreIds,
  );
  return {
    cast: ballots.length,
    minBallots,
    threshold,
    tallies,
    visible: resultsVisible(ballots.length, minBallots),
  };
}

/** The evaluation as its pages show it: the tally only from the anonymity threshold on. */
export async function evaluationView(db: Queryable, ctx: AppContext, ev: EvaluationRow) {
  const t = await tallyOf(db, ctx, ev);
  const names = await db
    .select({ id: cadres.id, name: cadres.name })
    .from(cadres)
    .where(inArray(cadres.id, ev.subjectCadreIds));
  const nameOf = (id: number) => names.find((n) => n.id === id)?.name ?? '';
  const opened = await db
    .select({ id: admonitions.id, cadreId: admonitions.cadreId })
    .from(admonitions)
    .where(and(eq(admonitions.sourceRefType, 'evaluation'), eq(admonitions.sourceRefId, ev.id)));
  const previous = await previousShares(db, ev);
  return {
    id: ev.id,
    orgId: ev.orgId,
    title: ev.title,
    subjectKind: ev.subjectKind,
    subjects: ev.subjectCadreIds.map((id) => ({ id, name: nameOf(id) })),
    electorate: ev.electorate,
    heldOn: ev.heldOn,
    status: ev.status,
    codesIssued: ev.codesIssued,
    cast: t.cast,
    closedOn: ev.closedOn,
    version: ev.version,
    visible: t.visible,
    minBallots: t.minBallots,
    threshold: t.threshold,
    tally: t.visible
      ? t.tallies.map((x: SubjectTally) => ({
          ...x,
          name: nameOf(x.subjectId),
          previousPoorShare: previous.get(x.subjectId) ?? null,
          belowThreshold: belowThreshold(x, t.threshold),
          admonitionId: opened.find((a) => a.cadreId === x.subjectId)?.id ?? null,
        }))
      : [],
  };
}

/** 与上次比较: each subject's share of 差 in the last closed evaluation before this one. */
async function previousShares(db: Queryable, ev: EvaluationRow): Promise<Map<number, number>> {
  const rows = await db
    .select({ result: evaluations.result, subjects: evaluations.subjectCadreIds })
    .from(evaluations)
    .where(
      and(eq(evaluations.status, 'closed'), lt(evaluations.heldOn, ev.heldOn), ne(evaluations.id, ev.id)),
    )
    .orderBy(desc(evaluations.heldOn))
    .limit(50);
  const out = new Map<number, number>();
  for (const r of rows)
    for (const t of (r.result as { tallies?: SubjectTally[] } | null)?.tallies ?? [])
      if (ev.subjectCadreIds.includes(t.subjectId) && !out.has(t.subjectId))
        out.set(t.subjectId, t.poorShare);
  return out;
}
