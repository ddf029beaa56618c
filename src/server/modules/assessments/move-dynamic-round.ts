import { eq, inArray } from 'drizzle-orm';
import {
  finalPoints,
  nextStage,
  ROUND_STAGES,
  type RoundMove,
  type RoundStage,
  type StageLine,
  unscored,
} from '../../../domain/assessments/dynamic-rounds.js';
import { composeScore, type ScoreItem } from '../../../domain/assessments/indicators.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { conflict, unprocessable } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import type { IndicatorItem } from './contract.js';
import { type DynamicRoundRow, loadDynamicRound } from './dynamic-round-access.js';
import { stageTodos } from './dynamic-round-todos.js';
import { autoRecords } from './dynamic-score.js';
import { dynamicRoundLines, dynamicRounds } from './schema.js';
import { scorableItems } from './score-dynamic-round.js';

export const roundLines = async (db: Queryable, roundId: number): Promise<(StageLine & { id: number })[]> =>
  (await db.select().from(dynamicRoundLines).where(eq(dynamicRoundLines.roundId, roundId))).map((l) => ({
    ...l,
    stage: l.stage as StageLine['stage'],
  }));

/**
 * The published result of every unit: the final points of the snapshot's items, the automatic
 * deductions from live records at the period's end (each with its records), the caps and the veto.
 */
async function compose(db: Queryable, round: DynamicRoundRow) {
  const items = scorableItems(round.items as IndicatorItem[]);
  const final = finalPoints(await roundLines(db, round.id));
  const results = [];
  for (const unit of round.subjectOrgIds) {
    const points = final.get(unit) ?? new Map<string, number>();
    const lines = [...points].map(([itemKey, p]) => ({ itemKey, points: p }));
    const auto = [];
    for (const item of items.filter((i) => i.auto)) {
      const { what, records } = await autoRecords(db, item.auto!.source, unit, round.periodEnd);
      const p = Math.min(records.length * item.auto!.pointsEach, item.maxPoints);
      lines.push({ itemKey: item.key, points: p });
      auto.push({
        itemKey: item.key,
        points: p,
        comment: `${what} ${records.length} 件，每件扣 ${item.auto!.pointsEach} 分`,
        records,
      });
    }
    const composed = composeScore(items as ScoreItem[], lines, {
      bonusCap: Number(round.bonusCap),
      deductionCap: Number(round.deductionCap),
    });
    if ('problem' in composed) throw unprocessable(composed.problem.message);
    const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, unit));
    results.push({ subjectOrgId: unit, unitName: org?.name ?? '', ...composed.result, auto });
  }
  return results.sort((a, b) => b.total - a.total);
}

/**
 * 推进 (自评 → 评分 → 复核 → 发布) or 重新打开 (a published round back to 复核, with a reason):
 * guarded by the rules, the stage's to-dos closed and the next one's opened, audited.
 */
export const moveDynamicRound = (opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  move: RoundMove;
  version: number;
  reason?: string;
}) =>
  opts.ctx.db.transaction(async (tx) => {
    const { ctx, actor, id, move } = opts;
    const { round } = await loadDynamicRound(tx, actor, id, opts.version);
    const from = round.stage as RoundStage;
    const next = nextStage(from, move);
    if ('problem' in next) throw conflict(next.problem.message);
    if (from === 'scoring') {
      const required = scorableItems(round.items as IndicatorItem[])
        .filter((i) => i.kind === 'score' && !i.auto)
        .map((i) => i.key);
      const missing = unscored(round.subjectOrgIds, required, await roundLines(tx, round.id), 'scoring');
      if (missing.size) {
        const names = await tx
          .select({ id: orgs.id, name: orgs.name })
          .from(orgs)
          .where(inArray(orgs.id, [...missing.keys()]));
        const who = [...missing.keys()].map((u) => names.find((n) => n.id === u)?.name ?? u).join('、');
        throw unprocessable(`还有单位未评分完毕（${who}），不能进入复核`, { stage: `未评分：${who}` });
      }
    }
    const published = next.stage === 'published';
    const [row] = await tx
      .update(dynamicRounds)
      .set({
        stage: next.stage,
        results: published ? await compose(tx, round) : null,
        publishedOn: published ? chinaDate(ctx.clock.now()) : null,
        version: round.version + 1,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(dynamicRounds.id, round.id))
      .returning();
    await stageTodos(tx, ctx.clock, row, next.stage);
    await recordAudit(tx, ctx.clock, actor, {
      action: move === 'reopen' ? 'assessment.dynamic_round_reopen' : 'assessment.dynamic_round_advance',
      objectType: 'dynamic_round',
      objectId: round.id,
      detail: { from: ROUND_STAGES[from], to: ROUND_STAGES[next.stage], reason: opts.reason ?? null },
    });
    return row;
  });
