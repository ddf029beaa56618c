import { z } from 'zod';
import { isoDay, text } from '../http/text.js';

const isoDate = isoDay('请填写日期', '日期格式应为 YYYY-MM-DD');

/** A misspelt parameter (asof, org_id) is refused with its name, never silently ignored. */
const unknownParameters = (iss: { code?: string; keys?: string[] }) =>
  iss.code === 'unrecognized_keys' ? `不支持的查询参数：${(iss.keys ?? []).join('、')}` : undefined;

const where = {
  orgId: z.coerce.number().int().positive('组织不正确').optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  asOf: isoDate.optional(),
};

/** GET /api/v1/figures: the figures asked for (by key, or a module's), or all the caller may see. */
const breakdown = z.enum(['month', 'org'], { message: '分组方式应为 month（按月）或 org（按单位）' });

export const figuresQuery = z.strictObject(
  {
    /** Comma-separated; room for every registered figure (about 70 keys today) with space to grow. */
    keys: text().trim().max(8000).optional(),
    module: text().trim().max(40).optional(),
    /** Each figure offering it also comes by month, or by child org (`slices`). */
    breakdown: breakdown.optional(),
    ...where,
  },
  { error: unknownParameters },
);
export type FiguresQuery = z.infer<typeof figuresQuery>;

export const figureKeyParams = z.object({ key: text().trim().min(1).max(80) });

/** GET /api/v1/figures/:key/records: the records behind a figure, or behind one group of it. */
export const figureRecordsQuery = z.strictObject(
  {
    ...where,
    group: text().trim().min(1).max(200).optional(),
    /** One bar of a breakdown: `breakdown=month&slice=2026-03`, `breakdown=org&slice=<org id>`. */
    breakdown: breakdown.optional(),
    slice: text().trim().min(1).max(20).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  },
  { error: unknownParameters },
);
export type FigureRecordsQuery = z.infer<typeof figureRecordsQuery>;

const scopeOut = {
  org: z.object({ id: z.number(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  /** The records as they stood at the end of this day (统计截至). */
  asOf: z.string(),
  today: z.string(),
};

const definitionOut = {
  key: z.string(),
  module: z.string(),
  label: z.string(),
  unit: z.string(),
  definition: z.string(),
  kind: z.enum(['count', 'sum', 'ratio']),
};

export const figureOut = z.object({
  ...definitionOut,
  /** null: a ratio over nothing. */
  value: z.number().nullable(),
  dimension: z.object({ key: z.string(), label: z.string() }).nullable(),
  groups: z.array(z.object({ key: z.string(), label: z.string(), value: z.number() })).nullable(),
  /** Asked with a breakdown and offering it: each month or child org (null otherwise). */
  slices: z.array(z.object({ key: z.string(), label: z.string(), value: z.number() })).nullable(),
  breakdowns: z.array(z.enum(['month', 'org'])),
  /** A ratio: the keys and values of its numerator and denominator (each drills to its records). */
  ratio: z
    .object({
      numerator: z.string(),
      denominator: z.string(),
      numeratorValue: z.number(),
      denominatorValue: z.number(),
    })
    .nullable(),
  /** Whether the figure has records of its own (a ratio drills through its parts). */
  drillable: z.boolean(),
});
export type FigureOut = z.infer<typeof figureOut>;

export const figuresOut = z.object({
  ...scopeOut,
  /** Said when the caller must recuse from some records: they are not counted for them. */
  note: z.string().nullable(),
  figures: z.array(figureOut),
});
export type FiguresOut = z.infer<typeof figuresOut>;

export const figureRecordsOut = z.object({
  ...scopeOut,
  figure: z.object(definitionOut),
  group: z.object({ key: z.string(), label: z.string() }).nullable(),
  slice: z.object({ by: z.enum(['month', 'org']), key: z.string(), label: z.string() }).nullable(),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  items: z.array(
    z.object({
      id: z.string(),
      link: z.string(),
      label: z.string(),
      weight: z.number().nullable(),
      cells: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type FigureRecordsOut = z.infer<typeof figureRecordsOut>;
