import { and, asc, count, eq, gt, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { ITEM_STATUSES } from '../../../../domain/audits/rectification.js';
import type { DashboardPanel } from '../../../platform/dashboard/panels.js';
import type { FigureScope } from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { itemVisibility } from '../access.js';
import { auditFindings as f, rectificationItems as i } from '../schema.js';

/** 超期整改事项: items open on the as-of day past their due day or their monthly report. */
function where(scope: FigureScope) {
  const asOf = scope.asOf;
  return and(
    inArray(i.orgId, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`),
    itemVisibility(scope.actor),
    lte(i.issuedOn, asOf),
    or(isNull(i.closedOn), gt(i.closedOn, asOf)),
    or(lt(i.dueOn, asOf), and(ne(i.status, 'applied'), lt(i.nextReportDue, asOf))),
  );
}

export const overdueItemsPanel: DashboardPanel = {
  key: 'econ_audits.overdue_items',
  module: 'econ_audits',
  label: '审计整改超期事项',
  unit: '项',
  definition: '截至日期未销号，且已过方案报送期限、整改时限或检查节点，或未按月报告整改进展的整改事项',
  permission: 'econ_audit.read',
  columns: [
    { key: 'summary', label: '问题摘要' },
    { key: 'unit', label: '整改单位' },
    { key: 'dueOn', label: '应完成日期' },
    { key: 'nextReportDue', label: '进展报告应报日期' },
    { key: 'status', label: '状态' },
  ],
  async load(scope, limit) {
    const [[{ n }], rows] = await Promise.all([
      scope.db.select({ n: count() }).from(i).where(where(scope)),
      scope.db
        .select({ i, summary: f.summary, unit: orgs.name })
        .from(i)
        .innerJoin(f, eq(f.id, i.findingId))
        .innerJoin(orgs, eq(orgs.id, i.unitOrgId))
        .where(where(scope))
        .orderBy(asc(i.dueOn), asc(i.id))
        .limit(limit),
    ]);
    return {
      total: Number(n),
      items: rows.map((r) => ({
        id: String(r.i.id),
        link: `/rectification/${r.i.id}`,
        label: r.summary,
        cells: {
          summary: r.summary,
          unit: r.unit,
          dueOn: r.i.dueOn,
          nextReportDue: r.i.nextReportDue,
          status: ITEM_STATUSES[r.i.status as keyof typeof ITEM_STATUSES] ?? r.i.status,
        },
      })),
    };
  },
};
