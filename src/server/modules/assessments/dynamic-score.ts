import { and, asc, desc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import { composeScore, type ScoreItem } from '../../../domain/assessments/indicators.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { registerRecordType, requireAccess } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { overdueItemsOfUnitAt } from '../audits/overdue.js';
import { disclosureDueItems, disclosureItemTypes } from '../openness/schema.js';
import { petitions } from '../petitions/schema.js';
import { unfulfilledItemsOfUnitAt } from '../pledges/overdue.js';
import type { DynamicScoreInput, IndicatorItem } from './contract.js';
import { dynamicScores, indicatorSystems } from './schema.js';

registerRecordType('indicator_system', async (db, ids) => {
  const rows = await db
    .select({ id: indicatorSystems.id, orgId: indicatorSystems.orgId })
    .from(indicatorSystems)
    .where(inArray(indicatorSystems.id, ids.map(Number)));
  return rows.map((r) => ({ id: String(r.id), orgId: r.orgId, subjectCadreIds: [] }));
});

/**
 * The unit's petitions overdue by the period's end: due (the statutory clock) before it and not
 * concluded by the due day — an automatic deduction explained by these records.
 */
async function overduePetitions(db: Queryable, unitOrgId: number, periodEnd: string) {
  return db
    .select({ id: petitions.id, code: petitions.code, dueOn: petitions.dueOn })
    .from(petitions)
    .where(
      and(
        or(eq(petitions.orgId, unitOrgId), eq(petitions.assignedUnitOrgId, unitOrgId)),
        lte(petitions.dueOn, periodEnd),
        or(isNull(petitions.concludedOn), gt(petitions.concludedOn, petitions.dueOn)),
      ),
    );
}

/** The records behind an automatic deduction, each with how people name it and where it opens. */
export async function autoRecords(
  db: Queryable,
  source: NonNullable<IndicatorItem['auto']>['source'],
  unitOrgId: number,
  periodEnd: string,
) {
  if (source === 'overdue_rectification') {
    const items = await overdueItemsOfUnitAt(db, unitOrgId, periodEnd);
    return {
      what: '超期整改事项',
      records: items.map((r) => ({
        id: r.id,
        code: r.summary,
        dueOn: r.dueOn,
        link: `/rectification/${r.id}`,
      })),
    };
  }
  if (source === 'overdue_openness') {
    // due by the period's end and not published by the due day (or not at all)
    const rows = await db
      .select({ d: disclosureDueItems, typeName: disclosureItemTypes.name })
      .from(disclosureDueItems)
      .innerJoin(disclosureItemTypes, eq(disclosureItemTypes.id, disclosureDueItems.itemTypeId))
      .where(
        and(
          eq(disclosureDueItems.orgId, unitOrgId),
          lte(disclosureDueItems.dueOn, periodEnd),
          or(
            isNull(disclosureDueItems.publishedOn),
            gt(disclosureDueItems.publishedOn, disclosureDueItems.dueOn),
          ),
        ),
      )
      .orderBy(asc(disclosureDueItems.dueOn), asc(disclosureDueItems.id));
    return {
      what: '逾期未公开事项',
      records: rows.map(({ d, typeName }) => ({
        id: d.id,
        code: d.period ? `${d.period} ${typeName}` : `${typeName}：${d.matter ?? ''}`,
        dueOn: d.dueOn,
        link: `/openness/calendar/${d.orgId}`,
      })),
    };
  }
  if (source === 'pledge_fulfilment') {
    const items = await unfulfilledItemsOfUnitAt(db, unitOrgId, periodEnd);
    return {
      what: '到期未兑现承诺事项',
      records: items.map((r) => ({
        id: r.id,
        code: `${r.code}（进度 ${r.percent}%）`,
        dueOn: r.dueOn,
        link: `/pledges/${r.pledgeId}`,
      })),
    };
  }
  const rows = await overduePetitions(db, unitOrgId, periodEnd);
  return {
    what: '超期信访件',
    records: rows.map((r) => ({ id: r.id, code: r.code, dueOn: r.dueOn, link: `/petitions/${r.id}` })),
  };
}

/**
 * 动态考核评分 of a unit for a period: the lines given by the scorer, the automatic deductions of the
 * items that say so (each linked to its records), composed with the caps and the veto. The system's
 * version is immutable, so the score keeps the indicators it was given under; one score per unit
 * and period of a system.
 */
export const scoreUnit = (opts: { ctx: AppContext; actor: Actor; input: DynamicScoreInput }) =>
  opts.ctx.db.transaction((tx) => scoreUnitIn(tx, opts.ctx, opts.actor, opts.input));

export async function scoreUnitIn(tx: Queryable, ctx: AppContext, actor: Actor, input: DynamicScoreInput) {
  if (input.periodEnd > chinaDate(ctx.clock.now()))
    throw badRequest('考核期末不能晚于今天', { periodEnd: '考核期末不能晚于今天' });
  {
    await requireAccess(tx, actor, 'indicator_system', [input.systemId]);
    const [system] = await tx.select().from(indicatorSystems).where(eq(indicatorSystems.id, input.systemId));
    if (!system) throw notFound('指标体系不存在');
    const [unit] = await tx.select().from(orgs).where(eq(orgs.id, input.subjectOrgId));
    const [owner] = await tx.select().from(orgs).where(eq(orgs.id, system.orgId));
    if (!unit?.path.startsWith(owner.path) || unit.id === owner.id)
      throw badRequest('被考核单位须为指标体系所属单位的下属单位', { subjectOrgId: '被考核单位不正确' });
    const items = system.items as IndicatorItem[];
    const lines: Record<string, unknown>[] = input.lines.map((l) => ({ ...l, scorerUserId: actor.userId }));
    for (const item of items.filter((i) => i.auto)) {
      if (lines.some((l) => l.itemKey === item.key))
        throw badRequest(`“${item.name}”由系统自动扣分，不能手工评分`, { lines: `“${item.name}”自动扣分` });
      const { what, records } = await autoRecords(tx, item.auto!.source, unit.id, input.periodEnd);
      lines.push({
        itemKey: item.key,
        points: Math.min(records.length * (item.auto?.pointsEach ?? 0), item.maxPoints),
        comment: `${what} ${records.length} 件，每件扣 ${item.auto?.pointsEach} 分`,
        auto: { source: item.auto?.source, records },
      });
    }
    const composed = composeScore(
      items.filter((i) => i.kind !== 'score' || !items.some((c) => c.parentKey === i.key)) as ScoreItem[],
      lines.map((l) => ({ itemKey: String(l.itemKey), points: Number(l.points) })),
      { bonusCap: Number(system.bonusCap), deductionCap: Number(system.deductionCap) },
    );
    if ('problem' in composed)
      throw badRequest(composed.problem.message, { [composed.problem.field]: composed.problem.message });
    const r = composed.result;
    const [row] = await tx
      .insert(dynamicScores)
      .values({
        systemId: system.id,
        orgId: system.orgId,
        subjectOrgId: unit.id,
        period: input.period,
        periodEnd: input.periodEnd,
        lines,
        base: r.base,
        bonus: r.bonus,
        deduction: r.deduction,
        total: r.total,
        vetoedBy: r.vetoed,
        scoredBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('该单位本期已评分');
    await recordAudit(tx, ctx.clock, actor, {
      action: 'assessment.dynamic_score',
      objectType: 'indicator_system',
      objectId: system.id,
      detail: { subjectOrgId: unit.id, period: input.period, total: r.total, vetoed: r.vetoed },
    });
    return { ...row, passed: r.passed };
  }
}

/** The scores given under a system (its unit, period, total, veto and the lines with their records). */
export async function listDynamicScores(opts: { ctx: AppContext; actor: Actor; systemId: number }) {
  const { ctx, actor, systemId } = opts;
  return ctx.db.transaction(async (tx) => {
    await requireAccess(tx, actor, 'indicator_system', [systemId]);
    const rows = await tx
      .select({ s: dynamicScores, unitName: orgs.name })
      .from(dynamicScores)
      .innerJoin(orgs, eq(orgs.id, dynamicScores.subjectOrgId))
      .where(eq(dynamicScores.systemId, systemId))
      .orderBy(desc(dynamicScores.total));
    return { items: rows.map(({ s, unitName }) => ({ ...s, unitName })) };
  });
}
