import { sql } from 'drizzle-orm';
import { acceptsLines, ROUND_STAGES, type RoundStage } from '../../../domain/assessments/dynamic-rounds.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest, conflict, forbidden } from '../../platform/http/errors.js';
import type { IndicatorItem } from './contract.js';
import { loadDynamicRound } from './dynamic-round-access.js';
import type { RoundLinesInput } from './dynamic-round-contract.js';
import { dynamicRoundLines } from './schema.js';

/** The items a scorer gives points to: the leaves of the scored tree, bonus, deduction and veto items. */
export const scorableItems = (items: IndicatorItem[]) =>
  items.filter((i) => !(i.kind === 'score' && items.some((c) => c.parentKey === i.key)));

/**
 * 评分: the current stage's lines for one unit — 自评 by the unit (its head, or the organiser for it),
 * 评分 and 复核 by the organising office. Each line keeps its scorer, evidence and comment; giving
 * a line again replaces the stage's own line. A published round is read-only.
 */
export const scoreDynamicRound = (opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: RoundLinesInput;
}) =>
  opts.ctx.db.transaction(async (tx) => {
    const { ctx, actor, id, input } = opts;
    const { round, units } = await loadDynamicRound(tx, actor, id, input.version);
    const stage = round.stage as RoundStage;
    if (!acceptsLines(stage)) throw conflict('考核已发布，只读；如需修改请先重新打开');
    const manage = actor.permissions.has('assessment.manage');
    if (stage !== 'self' && !manage)
      throw forbidden(`当前阶段为“${ROUND_STAGES[stage]}”，由考核办评分，单位不能填报`);
    if (stage === 'self' && !manage && !actor.permissions.has('assessment.self_score')) throw forbidden();
    if (!units.includes(input.subjectOrgId))
      throw badRequest('该单位不在本轮考核之内或不在您的管理范围内', { subjectOrgId: '被考核单位不正确' });
    const items = scorableItems(round.items as IndicatorItem[]);
    const seen = new Set<string>();
    for (const [n, line] of input.lines.entries()) {
      const item = items.find((i) => i.key === line.itemKey);
      const field = `lines.${n}.points`;
      if (!item) throw badRequest('考核项目不存在', { [`lines.${n}.itemKey`]: '考核项目不存在' });
      if (seen.has(item.key))
        throw badRequest(`“${item.name}”重复评分`, { [`lines.${n}.itemKey`]: `“${item.name}”重复评分` });
      seen.add(item.key);
      if (item.auto)
        throw badRequest(`“${item.name}”由系统自动扣分，不能手工评分`, { [field]: `“${item.name}”自动扣分` });
      const most = item.kind === 'veto' ? 1 : item.maxPoints;
      if (!(line.points >= 0 && line.points <= most)) {
        const message =
          item.kind === 'veto'
            ? `“${item.name}”为一票否决项，填 1 表示否决、0 表示不否决`
            : `“${item.name}”最多 ${item.maxPoints} 分，所填 ${line.points} 分超出范围`;
        throw badRequest(message, { [field]: message });
      }
    }
    const now = ctx.clock.now();
    await tx
      .insert(dynamicRoundLines)
      .values(
        input.lines.map((l) => ({
          roundId: round.id,
          subjectOrgId: input.subjectOrgId,
          itemKey: l.itemKey,
          stage,
          points: l.points,
          evidence: l.evidence ?? null,
          comment: l.comment ?? null,
          scorerUserId: actor.userId,
          scoredAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [
          dynamicRoundLines.roundId,
          dynamicRoundLines.subjectOrgId,
          dynamicRoundLines.stage,
          dynamicRoundLines.itemKey,
        ],
        set: {
          points: sql`excluded.points`,
          evidence: sql`excluded.evidence`,
          comment: sql`excluded.comment`,
          scorerUserId: sql`excluded.scorer_user_id`,
          scoredAt: sql`excluded.scored_at`,
        },
      });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'assessment.dynamic_round_score',
      objectType: 'dynamic_round',
      objectId: round.id,
      detail: { stage, subjectOrgId: input.subjectOrgId, lines: input.lines.length },
    });
    return { stage, saved: input.lines.length };
  });
