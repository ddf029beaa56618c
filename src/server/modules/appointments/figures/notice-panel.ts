import { and, asc, count, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DashboardPanel } from '../../../platform/dashboard/panels.js';
import type { FigureScope } from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { caseVisibility } from '../access.js';
import { appointmentCandidates, appointmentCases as k } from '../schema.js';

/** 任前公示中: the notices running on the as-of day, with how many people (the open objections: `objections-panel.ts`). */
function where(scope: FigureScope) {
  return and(
    inArray(k.orgId, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`),
    caseVisibility(scope.actor),
    lte(k.noticeStartsOn, scope.asOf),
    gte(k.noticeEndsOn, scope.asOf),
  );
}

export const noticePanel: DashboardPanel = {
  key: 'appointments.under_notice',
  module: 'appointments',
  label: '任前公示中',
  unit: '件',
  definition: '截至日期正在任前公示期内的选拔任用事项，及其公示人数和公示期满日期',
  permission: 'appointment.read',
  columns: [
    { key: 'title', label: '事项' },
    { key: 'org', label: '单位' },
    { key: 'people', label: '公示人数' },
    { key: 'endsOn', label: '公示期满' },
  ],
  async load(scope, limit) {
    const [[{ n }], rows] = await Promise.all([
      scope.db.select({ n: count() }).from(k).where(where(scope)),
      scope.db
        .select({
          k,
          orgName: orgs.name,
          people: sql<number>`(select count(*) from ${appointmentCandidates} c where c.case_id = ${k.id} and c.status in ('passed', 'appointed', 'stopped', 'revoked'))`,
        })
        .from(k)
        .innerJoin(orgs, eq(orgs.id, k.orgId))
        .where(where(scope))
        .orderBy(asc(k.noticeEndsOn), asc(k.id))
        .limit(limit),
    ]);
    return {
      total: Number(n),
      items: rows.map((r) => ({
        id: String(r.k.id),
        link: `/appointments/${r.k.id}`,
        label: r.k.noticeCode ?? r.k.code,
        cells: { title: r.k.title, org: r.orgName, people: Number(r.people), endsOn: r.k.noticeEndsOn },
      })),
    };
  },
};
