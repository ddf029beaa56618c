import { and, between, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { UNIT_EVALUATION_KINDS, type UnitEvaluationKind } from '../../../../domain/assessments/ranking.js';
import { lastCountedDay } from '../../../../domain/figure-period.js';
import { scopeFilter } from '../../../platform/access/scope.js';
import type { DashboardPanel } from '../../../platform/dashboard/panels.js';
import type { FigureScope } from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { cadres } from '../../cadres/schema.js';
import { lastPlaces, unitEvaluationRounds as r } from '../schema.js';

/** 排名末位: the units last in the period's rounds, newest first, with the leader and the outcome. */
function where(scope: FigureScope) {
  return and(
    inArray(r.orgId, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`),
    scopeFilter(scope.actor, r.orgId),
    between(r.heldOn, scope.from, lastCountedDay(scope)),
  );
}

export const lastPlacePanel: DashboardPanel = {
  key: 'assessments.last_places',
  module: 'assessments',
  label: '单位考评排名末位',
  unit: '个次',
  definition: '统计期内各轮目标考评、现场观摩、行风评比排名末位的单位，其主要负责人及末位惩处结果',
  permission: 'assessment.read',
  columns: [
    { key: 'unit', label: '单位' },
    { key: 'round', label: '考评' },
    { key: 'heldOn', label: '日期' },
    { key: 'leader', label: '主要负责人' },
    { key: 'outcome', label: '结果' },
  ],
  async load(scope, limit) {
    const [[{ n }], rows] = await Promise.all([
      scope.db
        .select({ n: count() })
        .from(lastPlaces)
        .innerJoin(r, eq(r.id, lastPlaces.roundId))
        .where(where(scope)),
      scope.db
        .select({ l: lastPlaces, round: r, unit: orgs.name, leader: cadres.name })
        .from(lastPlaces)
        .innerJoin(r, eq(r.id, lastPlaces.roundId))
        .innerJoin(orgs, eq(orgs.id, lastPlaces.unitOrgId))
        .leftJoin(cadres, eq(cadres.id, lastPlaces.cadreId))
        .where(where(scope))
        .orderBy(desc(r.heldOn), desc(lastPlaces.id))
        .limit(limit),
    ]);
    return {
      total: Number(n),
      items: rows.map(({ l, round, unit, leader }) => ({
        id: String(l.id),
        link: `/assessments/rounds/${round.id}`,
        label: unit,
        cells: {
          unit,
          round: `${UNIT_EVALUATION_KINDS[round.kind as UnitEvaluationKind] ?? round.kind}：${round.title}`,
          heldOn: round.heldOn,
          leader,
          outcome: l.outcome === 'warning' ? `连续 ${l.consecutive} 次末位，警告` : '末位惩处',
        },
      })),
    };
  },
};
