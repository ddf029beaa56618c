import { and, eq, sql } from 'drizzle-orm';
import { acceptsLines, type RoundStage } from '../../../domain/assessments/dynamic-rounds.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest, conflict, forbidden } from '../../platform/http/errors.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import type { IndicatorItem } from './contract.js';
import { loadDynamicRound, type RoundItem } from './dynamic-round-access.js';
import type { RoundLinesInput } from './dynamic-round-contract.js';
import { dynamicRoundLines } from './schema.js';

/** The items a scorer gives points to: the leaves of the scored tree, bonus, deduction and veto items. */
export const scorableItems = <T extends IndicatorItem>(items: T[]) =>
  items.filter((i) => !(i.kind === 'score' && items.some((c) => c.parentKey === i.key)));

/**
 * Who scores an item in 科室评分: the office its supplier names (数据提供单位), when it names one of
 * the round's org's offices; else the organising office. The problem in Chinese, or null.
 */
export function officeProblem(item: RoundItem, manage: boolean, offices: number[]): string | null {
  if (item.supplierOrgId)
    return offices.includes(item.supplierOrgId)
      ? null
      : `“${item.name}”由数据提供单位“${item.supplier}”评分，您不属于该单位，不能评分`;
  return manage ? null : `“${item.name}”由考核办评分，您所在单位不能评分`;
}

/**
 * 评分: the current stage's lines for one unit — 自评 by the unit (its head, or the organiser for it),
 * 科室评分 of each item by the office that supplies its data (else the organising office), 复核 by
 * the organising office. Each line keeps its scorer, evidence and comment; giving
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
    const { round, units, ownUnits, organiser, offices } = await loadDynamicRound(
      tx,
      actor,
      id,
      input.version,
    );
    const stage = round.stage as RoundStage;
    if (!acceptsLines(stage)) throw conflict('考核已发布，只读；如需修改请先重新打开');
    const manage = organiser && actor.permissions.has('assessment.manage');
    if (stage === 'review' && !manage) throw forbidden('当前阶段为“复核”，由考核办复核，单位不能填报');
    if (stage === 'scoring' && !manage && !offices.length)
      throw forbidden('当前阶段为“科室评分”，由考核办和数据提供单位评分，单位不能填报');
    if (stage === 'self' && !manage && !actor.permissions.has('assessment.self_score')) throw forbidden();
    if (!(stage === 'self' ? ownUnits : units).includes(input.subjectOrgId))
      throw badRequest('该单位不在本轮考核之内或不在您的管理范围内', { subjectOrgId: '被考核单位不正确' });
    const items = scorableItems(round.items as RoundItem[]);
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
      // 科室评分: an item whose supplier is an office is that office's to score, nobody else's
      if (stage === 'scoring') {
        const problem = officeProblem(item, manage, offices);
        if (problem) throw forbidden(problem);
      }
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
    // an office that has scored its items for every unit is done with its 科室评分 to-do
    if (stage === 'scoring')
      for (const office of offices) {
        const mine = items.filter((i) => i.supplierOrgId === office).map((i) => i.key);
        const given = await tx
          .select({ unit: dynamicRoundLines.subjectOrgId, item: dynamicRoundLines.itemKey })
          .from(dynamicRoundLines)
          .where(and(eq(dynamicRoundLines.roundId, round.id), eq(dynamicRoundLines.stage, 'scoring')));
        const done = round.subjectOrgIds.every((u) =>
          mine.every((k) => given.some((g) => g.unit === u && g.item === k)),
        );
        if (done)
          await completeTodos(tx, ctx.clock, {
            recordType: 'dynamic_round_office',
            recordId: round.id,
            orgId: office,
          });
      }
    await recordAudit(tx, ctx.clock, actor, {
      action: 'assessment.dynamic_round_score',
      objectType: 'dynamic_round',
      objectId: round.id,
      detail: { stage, subjectOrgId: input.subjectOrgId, lines: input.lines.length },
    });
    return { stage, saved: input.lines.length };
  });
