import { z } from 'zod';
import { figureOut } from '../figures/contract.js';
import { isoDay } from '../http/text.js';

const isoDate = isoDay('请填写日期', '日期格式应为 YYYY-MM-DD');

/** GET /api/v1/dashboard and its workbook: an org subtree (the caller's by default), a period, an as-of date. */
export const dashboardQuery = z.strictObject(
  {
    orgId: z.coerce.number().int().positive('组织不正确').optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    asOf: isoDate.optional(),
  },
  {
    error: (iss: { code?: string; keys?: string[] }) =>
      iss.code === 'unrecognized_keys' ? `不支持的查询参数：${(iss.keys ?? []).join('、')}` : undefined,
  },
);
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const pointOut = z.object({ key: z.string(), label: z.string(), value: z.number() });

/** A chart: one figure's values by month, by child org or by its dimension's groups. */
const chartOut = z.object({
  figure: z.string(),
  label: z.string(),
  unit: z.string(),
  definition: z.string(),
  /** month | org: the drill-down takes `breakdown` and `slice`; a dimension's: `group`. */
  by: z.enum(['month', 'org', 'group']),
  dimension: z.string().nullable(),
  points: z.array(pointOut),
});
export type ChartOut = z.infer<typeof chartOut>;

const todoRowOut = z.object({
  id: z.number(),
  title: z.string(),
  link: z.string().nullable(),
  orgName: z.string().nullable(),
  assignee: z.string(),
  dueOn: z.string(),
  overdueDays: z.number(),
});

export const dashboardOut = z.object({
  org: z.object({ id: z.number(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  today: z.string(),
  note: z.string().nullable(),
  modules: z.array(
    z.object({
      module: z.string(),
      label: z.string(),
      cards: z.array(figureOut),
      trends: z.array(chartOut),
      byOrg: z.array(chartOut),
      categories: z.array(chartOut),
    }),
  ),
  /** The to-dos of the subtree as they stand today (to-dos have no history): who is late on what. */
  todos: z.object({
    today: z.string(),
    open: z.number(),
    overdue: z.number(),
    byOrg: z.array(z.object({ key: z.string(), label: z.string(), open: z.number(), overdue: z.number() })),
    byPerson: z.array(z.object({ key: z.string(), label: z.string(), overdue: z.number() })),
    late: z.array(todoRowOut),
  }),
  panels: z.array(
    z.object({
      key: z.string(),
      module: z.string(),
      label: z.string(),
      unit: z.string(),
      definition: z.string(),
      value: z.number(),
      columns: z.array(z.object({ key: z.string(), label: z.string() })),
      items: z.array(
        z.object({
          id: z.string(),
          link: z.string(),
          label: z.string(),
          cells: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
        }),
      ),
    }),
  ),
});
export type DashboardOut = z.infer<typeof dashboardOut>;
