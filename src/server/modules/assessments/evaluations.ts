import { desc, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { evaluationVisibility, loadEvaluation } from './access.js';
import { addPaperBallotsIn, closeEvaluationIn } from './close-evaluation.js';
import type { EvaluationInput } from './contract.js';
import { createEvaluationIn, issueCodesIn } from './create-evaluation.js';
import { evaluationBallots, evaluations } from './schema.js';
import { evaluationView } from './tally-evaluation.js';

type Opts = { ctx: AppContext; actor: Actor };

export const getEvaluation = ({ ctx, actor, id }: Opts & { id: number }) =>
  ctx.db.transaction(async (tx) => evaluationView(tx, ctx, await loadEvaluation(tx, actor, id)));

export const createEvaluation = ({ ctx, actor, input }: Opts & { input: EvaluationInput }) =>
  ctx.db.transaction(async (tx) => evaluationView(tx, ctx, await createEvaluationIn(tx, ctx, actor, input)));

export async function issueCodes({ ctx, actor, id, count }: Opts & { id: number; count: number }) {
  const r = await ctx.db.transaction((tx) => issueCodesIn(tx, ctx, actor, id, count));
  return { codes: r.codes, issued: r.issued, title: r.evaluation.title, heldOn: r.evaluation.heldOn };
}

export const closeEvaluation = ({ ctx, actor, id, version }: Opts & { id: number; version: number }) =>
  ctx.db.transaction(async (tx) =>
    evaluationView(tx, ctx, await closeEvaluationIn(tx, ctx, actor, id, version)),
  );

export const addPaperBallots = ({
  ctx,
  actor,
  id,
  version,
  ballots,
}: Opts & { id: number; version: number; ballots: unknown[] }) =>
  ctx.db.transaction(async (tx) =>
    evaluationView(tx, ctx, await addPaperBallotsIn(tx, ctx, actor, id, version, ballots)),
  );

export async function listEvaluations({ ctx, actor }: Opts) {
  const rows = await ctx.db
    .select()
    .from(evaluations)
    .where(evaluationVisibility(actor))
    .orderBy(desc(evaluations.heldOn), desc(evaluations.id))
    .limit(500);
  const ids = rows.map((r) => r.id);
  const cast = ids.length
    ? await ctx.db
        .select({ id: evaluationBallots.evaluationId, n: sql<number>`count(*)::int` })
        .from(evaluationBallots)
        .where(inArray(evaluationBallots.evaluationId, ids))
        .groupBy(evaluationBallots.evaluationId)
    : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      heldOn: r.heldOn,
      status: r.status,
      electorate: r.electorate,
      cast: cast.find((c) => c.id === r.id)?.n ?? 0,
    })),
  };
}
