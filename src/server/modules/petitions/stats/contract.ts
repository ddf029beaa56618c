import { z } from 'zod';
import { CATEGORY_METRIC, STAT_METRIC_KEYS, type StatMetric } from '../../../../domain/petition-stats.js';
import { isoDay, text } from '../../../platform/http/text.js';

const isoDate = isoDay();

/** The period (default: this year) and the org (default: the caller's own, with its subtree). */
export const statsQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    orgId: z.coerce.number().int().positive().optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type StatsQuery = z.infer<typeof statsQuery>;

export const recordsQuery = z
  .object({
    metric: z.enum([CATEGORY_METRIC, ...STAT_METRIC_KEYS] as [string, ...string[]]),
    category: text().trim().max(40).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    orgId: z.coerce.number().int().positive().optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((q) => q.metric !== CATEGORY_METRIC || !!q.category, {
    message: '请指定问题类别',
    path: ['category'],
  });
export type RecordsQuery = z.infer<typeof recordsQuery>;

/** Where a figure's records are: the query of GET /api/v1/petitions/stats/records. */
export const drillOut = z.object({
  metric: z.string(),
  category: z.string().optional(),
  from: z.string(),
  to: z.string(),
  orgId: z.number(),
});
export type Drill = z.infer<typeof drillOut>;

const figureOut = z.object({ value: z.number(), drill: drillOut });

export const statsOut = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  org: z.object({ id: z.number(), name: z.string() }),
  figures: z.record(z.string(), figureOut),
  /** People who came with the visits (来访人数): the visits' drill shows them. */
  visitors: figureOut,
  conclusionRate: z.object({
    value: z.number().nullable(),
    concluded: z.number(),
    accepted: z.number(),
    drill: drillOut,
  }),
  byCategory: z.array(
    z.object({ category: z.string(), label: z.string(), count: z.number(), drill: drillOut }),
  ),
});
export type StatsOut = z.infer<typeof statsOut>;
export type Figures = Record<StatMetric, { value: number; drill: Drill }>;

/** A record behind a figure: what the case is about and where it stands, never who reported it. */
export const statRecordOut = z.object({
  id: z.number(),
  code: z.string(),
  receivedOn: z.string(),
  channel: z.string(),
  visitors: z.number().nullable(),
  title: z.string(),
  category: z.string().nullable(),
  status: z.string(),
  acceptedOn: z.string().nullable(),
  concludedOn: z.string().nullable(),
  assignedDueOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  imported: z.boolean(),
});
