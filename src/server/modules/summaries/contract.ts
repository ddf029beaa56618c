import { z } from 'zod';
import { text } from '../../platform/http/text.js';

const year = z.coerce
  .number({ message: '请选择年度' })
  .int('年度应为整数')
  .min(2000, '年度应在 2000 年以后')
  .max(2100, '年度不正确');
const orgId = z.coerce.number({ message: '请选择单位' }).int('单位不正确').positive('单位不正确');

export const summaryIdParams = z.object({ id: z.coerce.number().int().positive('编号应为正整数') });
export const paragraphParams = z.object({
  id: z.coerce.number().int().positive('编号应为正整数'),
  paragraphId: text().trim().min(1).max(80),
});

/** GET /api/v1/summaries: an org's summaries (draft and final versions), newest year first. */
export const listSummariesQuery = z.strictObject({
  orgId: orgId.optional(),
  year: year.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListSummariesQuery = z.infer<typeof listSummariesQuery>;

/** POST /api/v1/summaries: the draft of an org's year (made once; `reset` restores the template wording). */
export const generateBody = z.strictObject({
  orgId,
  year,
  reset: z.boolean().default(false),
});
export type GenerateBody = z.infer<typeof generateBody>;

/** PUT …/paragraphs/:paragraphId: a paragraph's new wording (placeholders locked). */
export const editParagraphBody = z.strictObject({
  text: text({ message: '请填写段落内容' })
    .trim()
    .min(1, '段落内容不能为空')
    .max(4000, '段落内容不能超过 4000 字'),
  rowVersion: z.number().int().positive().optional(),
});
export type EditParagraphBody = z.infer<typeof editParagraphBody>;

export const finalizeBody = z.strictObject({ rowVersion: z.number().int().positive().optional() });

const figureOut = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  definition: z.string(),
  reproduce: z.string(),
  names: z.array(z.string()).nullable(),
});

export const summaryOut = z.object({
  id: z.number(),
  org: z.object({ id: z.number(), name: z.string() }),
  year: z.number(),
  status: z.enum(['draft', 'final']),
  version: z.number().nullable(),
  asOf: z.string(),
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  rowVersion: z.number(),
  title: z.string(),
  opening: z.string(),
  sections: z.array(
    z.object({
      key: z.string(),
      number: z.string().nullable(),
      heading: z.string(),
      intro: z.string(),
      paragraphs: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          text: z.string(),
          template: z.string(),
          ordinal: z.string().nullable(),
          parts: z
            .array(z.object({ text: z.string(), key: z.string().nullable(), format: z.string().nullable() }))
            .nullable(),
        }),
      ),
    }),
  ),
  figures: z.array(figureOut),
  fileName: z.string().nullable(),
  /** Said when the reader must recuse from some records: a draft's figures leave them out. */
  note: z.string().nullable(),
});
export type SummaryOut = z.infer<typeof summaryOut>;

export const summaryListOut = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      org: z.object({ id: z.number(), name: z.string() }),
      year: z.number(),
      status: z.enum(['draft', 'final']),
      version: z.number().nullable(),
      asOf: z.string(),
      generatedAt: z.string(),
      generatedBy: z.string().nullable(),
      fileName: z.string().nullable(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type SummaryListOut = z.infer<typeof summaryListOut>;

export const differenceOut = z.object({
  id: z.number(),
  version: z.number().nullable(),
  asOf: z.string(),
  checkedAt: z.string(),
  changed: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: z.string(),
      filed: z.number().nullable(),
      now: z.number().nullable(),
      reproduce: z.string(),
    }),
  ),
  unchanged: z.number(),
});
export type DifferenceOut = z.infer<typeof differenceOut>;
