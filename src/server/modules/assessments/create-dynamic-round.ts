import { and, eq, isNull } from 'drizzle-orm';
import {
  deadlineProblem,
  ROUND_CADENCES,
  type RoundCadence,
  roundPeriod,
} from '../../../domain/assessments/dynamic-rounds.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { requireAccess } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import type { IndicatorItem } from './contract.js';
import type { RoundItem } from './dynamic-round-access.js';
import type { DynamicRoundInput } from './dynamic-round-contract.js';
import { stageTodos } from './dynamic-round-todos.js';
import { dynamicRounds, indicatorSystems } from './schema.js';

/**
 * 发起动态考核: a round of an indicator system for a period and units below the system's org. The
 * system's items and caps are copied into the round (a later version never changes it), each with
 * the office its supplier names (who scores it in 科室评分), the round
 * opens at 自评 and every unit's head gets a to-do due on the 自评 deadline.
 */
export const createDynamicRound = (opts: { ctx: AppContext; actor: Actor; input: DynamicRoundInput }) =>
  opts.ctx.db.transaction(async (tx) => {
    const { ctx, actor, input } = opts;
    const cadence = input.cadence as RoundCadence;
    const period = roundPeriod(cadence, input.period);
    if ('problem' in period) throw badRequest(period.problem.message, { period: period.problem.message });
    const today = chinaDate(ctx.clock.now());
    if (period.start > today)
      throw badRequest('考核期尚未开始，不能发起', { period: '考核期尚未开始，不能发起' });
    const late = deadlineProblem(period.end, input.deadlines);
    if (late) throw badRequest(late.message, { [late.field]: late.message });
    await requireAccess(tx, actor, 'indicator_system', [input.systemId]);
    const [system] = await tx.select().from(indicatorSystems).where(eq(indicatorSystems.id, input.systemId));
    if (!system) throw notFound('指标体系不存在');
    const [owner] = await tx.select().from(orgs).where(eq(orgs.id, system.orgId));
    const units = [...new Set(input.subjectOrgIds)];
    for (const [i, unitId] of units.entries()) {
      const [unit] = await tx.select().from(orgs).where(eq(orgs.id, unitId));
      if (!unit?.path.startsWith(owner.path) || unit.id === owner.id || unit.deletedAt)
        throw badRequest('被考核单位须为指标体系所属单位的下属单位', {
          [`subjectOrgIds.${i}`]: '被考核单位不正确',
        });
    }
    // each item's supplier (数据提供单位) read as one of the org's offices, when it names one: that
    // office scores the item in 科室评分 (a name that is no office leaves it to the organisers)
    const offices = await tx
      .select({ id: orgs.id, name: orgs.name })
      .from(orgs)
      .where(and(eq(orgs.parentId, owner.id), eq(orgs.kind, 'department'), isNull(orgs.deletedAt)));
    const items = (system.items as IndicatorItem[]).map(
      (i): RoundItem => ({
        ...i,
        supplierOrgId: offices.find((o) => i.supplier && o.name === i.supplier.trim())?.id ?? null,
      }),
    );
    const [round] = await tx
      .insert(dynamicRounds)
      .values({
        orgId: system.orgId,
        systemId: system.id,
        cadence,
        period: input.period,
        periodEnd: period.end,
        title: `${period.label}${ROUND_CADENCES[cadence]}动态考核（${system.title}）`,
        subjectOrgIds: units,
        items,
        bonusCap: system.bonusCap,
        deductionCap: system.deductionCap,
        deadlines: input.deadlines,
        createdBy: actor.userId,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!round) throw conflict('该指标体系本期的动态考核已发起');
    await stageTodos(tx, ctx.clock, round, 'self');
    await recordAudit(tx, ctx.clock, actor, {
      action: 'assessment.dynamic_round_create',
      objectType: 'dynamic_round',
      objectId: round.id,
      detail: {
        systemId: system.id,
        systemVersion: system.version,
        period: input.period,
        units: units.length,
      },
    });
    return round;
  });
