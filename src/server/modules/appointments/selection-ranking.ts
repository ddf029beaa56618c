import { rankSelection, type ScoreWeights, shortlistNeeded } from '../../../domain/appointments/selection.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { type CaseRow, loadCase } from './access.js';
import { registrantsOf } from './registrants.js';

export const TIE_RULE = '按加权总成绩从高到低排名；总成绩相同的，面试成绩高者在前；仍相同的，名次并列';

/**
 * The ranking of a 公开选拔/竞争上岗 case on a date's rules: every registrant with their check, and
 * for those who passed it and have both scores the weighted total and their rank for the post; the
 * weights, the 差额 ratio and the fewest 考察对象 per post.
 */
export async function rankingOf(ctx: AppContext, db: Queryable, row: CaseRow, on: string) {
  const [weights, ratio, regs] = await Promise.all([
    ctx.rules.value<ScoreWeights>('appointment.score_weights', on),
    ctx.rules.value<number>('appointment.shortlist_ratio', on),
    registrantsOf(db, row.id),
  ]);
  const scored = regs.filter(
    (r) => !r.withdrawnOn && r.qualification === 'passed' && r.examScore != null && r.interviewScore != null,
  );
  const ranked = new Map(
    rankSelection(
      scored.map((r) => ({
        id: r.id,
        positionId: r.positionId,
        exam: Number(r.examScore),
        interview: Number(r.interviewScore),
      })),
      weights,
    ).map((x) => [x.id, x]),
  );
  const rows = regs.map((r) => ({
    ...r,
    total: ranked.get(r.id)?.total ?? null,
    rank: ranked.get(r.id)?.rank ?? null,
  }));
  // per post, in rank order (unranked after, as registered)
  rows.sort(
    (a, b) =>
      row.positionIds.indexOf(a.positionId) - row.positionIds.indexOf(b.positionId) ||
      (a.rank ?? 1e9) - (b.rank ?? 1e9) ||
      a.id - b.id,
  );
  return {
    weights,
    ratio,
    perPostNeeded: shortlistNeeded(1, ratio),
    tieRule: TIE_RULE,
    rows,
  };
}

export async function getRanking(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const row = await loadCase(opts.ctx.db, opts.actor, opts.id);
  return rankingOf(opts.ctx, opts.ctx.db, row, chinaDate(opts.ctx.clock.now()));
}
