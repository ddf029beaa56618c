import { and, asc, count, eq, inArray, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import type { DashboardPanel } from '../../../platform/dashboard/panels.js';
import type { FigureScope } from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { cadres } from '../../cadres/schema.js';
import { petitionSubjects, petitions } from '../../petitions/schema.js';
import { caseVisibility } from '../access.js';
import { appointmentCandidates as c, appointmentCases as k, appointmentObjections as o } from '../schema.js';

/**
 * 公示异议待办结: the people of a 任前公示 still waiting for 任职 on the as-of day about whom a report
 * (any petition naming them, received from the notice's first day to that day) has no conclusion of
 * the discipline officer by then — the same reports `openObjections` holds 任职 back for, read as
 * of a date: a candidate appointed (发文), stopped or whose case was stopped by then is no longer
 * waiting; a conclusion dated after the as-of day still leaves the report open on it.
 */
function reportsOpen(scope: FigureScope): SQL {
  return sql`(select count(*) from ${petitions} p
    where p.received_on between ${k.noticeStartsOn} and ${scope.asOf}
      and exists (select 1 from ${petitionSubjects} s where s.petition_id = p.id and s.cadre_id = ${c.cadreId})
      and not exists (select 1 from ${o} x where x.petition_id = p.id and x.candidate_id = ${c.id}
        and x.concluded_on <= ${scope.asOf}))`;
}

function where(scope: FigureScope) {
  const asOf = scope.asOf;
  return and(
    inArray(k.orgId, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`),
    caseVisibility(scope.actor),
    isNotNull(k.noticeStartsOn),
    lte(k.noticeStartsOn, asOf),
    inArray(c.status, ['passed', 'appointed', 'revoked', 'stopped']),
    sql`(${k.dispatchOn} is null or ${k.dispatchOn} > ${asOf})`,
    sql`(${k.stoppedOn} is null or ${k.stoppedOn} > ${asOf})`,
    sql`not exists (select 1 from ${o} x where x.candidate_id = ${c.id} and x.outcome = 'affects'
      and x.concluded_on <= ${asOf})`,
    sql`${reportsOpen(scope)} > 0`,
  );
}

export const objectionsPanel: DashboardPanel = {
  key: 'appointments.open_objections',
  module: 'appointments',
  label: '公示异议待办结',
  unit: '人',
  definition:
    '截至日期已开始任前公示、尚未任职的人选中，公示开始后收到反映其问题的信访举报、尚未经纪检办结的人数，及待办结件数',
  permission: 'appointment.read',
  columns: [
    { key: 'cadre', label: '姓名' },
    { key: 'case', label: '选拔任用事项' },
    { key: 'org', label: '单位' },
    { key: 'reports', label: '待办结件数' },
    { key: 'noticeEndsOn', label: '公示期满' },
  ],
  async load(scope, limit) {
    const [[{ n }], rows] = await Promise.all([
      scope.db.select({ n: count() }).from(c).innerJoin(k, eq(k.id, c.caseId)).where(where(scope)),
      scope.db
        .select({
          c,
          k,
          cadreName: cadres.name,
          orgName: orgs.name,
          reports: sql<number>`${reportsOpen(scope)}`,
        })
        .from(c)
        .innerJoin(k, eq(k.id, c.caseId))
        .innerJoin(cadres, eq(cadres.id, c.cadreId))
        .innerJoin(orgs, eq(orgs.id, k.orgId))
        .where(where(scope))
        .orderBy(asc(k.noticeEndsOn), asc(c.id))
        .limit(limit),
    ]);
    return {
      total: Number(n),
      items: rows.map((r) => ({
        id: String(r.c.id),
        link: `/appointments/${r.k.id}`,
        label: r.cadreName,
        cells: {
          cadre: r.cadreName,
          case: `${r.k.code} ${r.k.title}`,
          org: r.orgName,
          reports: Number(r.reports),
          noticeEndsOn: r.k.noticeEndsOn,
        },
      })),
    };
  },
};
