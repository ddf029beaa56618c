import { and, asc, count, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DashboardPanel } from '../../../platform/dashboard/panels.js';
import type { FigureScope } from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { cadres } from '../../cadres/schema.js';
import { visibleTo } from '../access.js';
import { admonitions } from '../schema.js';

/** 诫勉跟踪考察中: who is under tracking on the as-of day, with the next check-in and the tracking's end. */
function where(scope: FigureScope) {
  const asOf = scope.asOf;
  return and(
    inArray(
      admonitions.orgId,
      sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`,
    ),
    visibleTo(scope.actor, admonitions.orgId, admonitions.cadreId),
    eq(admonitions.kind, 'admonition'),
    lte(admonitions.talkOn, asOf),
    or(isNull(admonitions.releasedOn), gt(admonitions.releasedOn, asOf)),
    or(isNull(admonitions.measureOn), gt(admonitions.measureOn, asOf)),
  );
}

export const trackingPanel: DashboardPanel = {
  key: 'admonitions.under_tracking',
  module: 'admonitions',
  label: '诫勉跟踪考察中',
  unit: '人',
  definition: '截至日期已谈话、尚未解除诫勉也未采取组织措施的干部，及其下次谈心谈话和跟踪考察期满日期',
  permission: 'admonition.read',
  columns: [
    { key: 'cadre', label: '姓名' },
    { key: 'org', label: '单位' },
    { key: 'talkOn', label: '谈话日期' },
    { key: 'next', label: '下次谈心谈话' },
    { key: 'endsOn', label: '跟踪考察期满' },
  ],
  async load(scope, limit) {
    const [[{ n }], rows] = await Promise.all([
      scope.db.select({ n: count() }).from(admonitions).where(where(scope)),
      scope.db
        .select({ a: admonitions, cadreName: cadres.name, orgName: orgs.name })
        .from(admonitions)
        .innerJoin(cadres, eq(cadres.id, admonitions.cadreId))
        .innerJoin(orgs, eq(orgs.id, admonitions.orgId))
        .where(where(scope))
        .orderBy(asc(admonitions.trackingEndsOn), asc(admonitions.id))
        .limit(limit),
    ]);
    return {
      total: Number(n),
      items: rows.map(({ a, cadreName, orgName }) => ({
        id: String(a.id),
        link: `/admonitions/${a.id}`,
        label: a.code,
        cells: {
          cadre: cadreName,
          org: orgName,
          talkOn: a.talkOn,
          next: a.nextCheckInOn,
          endsOn: a.trackingEndsOn,
        },
      })),
    };
  },
};
