import { z } from 'zod';
import { text } from '../../../platform/http/text.js';

/** The portal's openness API: what the public may read of a unit's board, its leaders and its items. */
export const unitParam = z.object({ id: z.coerce.number().int().positive('单位编号不正确') });
export const itemParam = z.object({ id: z.coerce.number().int().positive('公开事项编号不正确') });

export const unitItemsQuery = z.strictObject({
  type: z.coerce.number().int().positive('公开类别不正确').optional(),
  page: z.coerce.number().int().min(1, '页码不正确').max(10_000, '页码不正确').default(1),
  pageSize: z.coerce.number().int().min(1).max(50, '每页最多 50 条').default(20),
});

export const searchQuery = z.strictObject({
  q: text({ message: '请输入搜索内容' }).trim().min(1, '请输入搜索内容').max(50, '搜索内容不超过 50 字'),
  township: z.coerce.number().int().positive('乡镇不正确').optional(),
  page: z.coerce.number().int().min(1, '页码不正确').max(500, '页码不正确').default(1),
});

const unitOut = z.object({ id: z.number(), name: z.string(), kind: z.string() });
export const unitsOut = z.object({
  townships: z.array(unitOut.extend({ units: z.array(unitOut) })),
});

/** An item as a list shows it: a withdrawn one only as its notice (no title, no content). */
export const itemRowOut = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  typeId: z.number(),
  typeName: z.string(),
  withdrawn: z.boolean(),
  title: z.string(),
  period: z.string().nullable(),
  indexNo: z.string().nullable(),
  publishedOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  /** 办事程序: its 依据, 条件, 程序 and 时限 (null for other items and for a withdrawal notice). */
  procedure: z
    .object({ basis: z.string(), conditions: z.string(), steps: z.string(), timeLimit: z.string() })
    .nullable(),
});

export const boardOut = z.object({
  unit: unitOut.extend({ township: z.string().nullable() }),
  sections: z.array(
    z.object({
      typeId: z.number(),
      name: z.string(),
      timeLimit: z.string(),
      total: z.number(),
      latest: z.array(itemRowOut),
    }),
  ),
});

export const itemPageOut = z.object({
  items: z.array(itemRowOut),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** The search's page: `total` counted up to a cap; `totalCapped`: at least that many match. */
export const searchPageOut = itemPageOut.extend({ totalCapped: z.boolean() });

export const itemOut = itemRowOut.extend({
  body: z.string().nullable(),
  finance: z
    .object({
      lines: z.array(z.object({ kind: z.string(), item: z.string(), amount: z.number() })),
      totalIncome: z.number(),
      totalExpense: z.number(),
      balance: z.number().nullable().optional(),
    })
    .nullable(),
  issuingBody: z.string().nullable(),
  issuedOn: z.string().nullable(),
  docNumber: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  catalogue: z.object({ basis: z.string(), timeLimit: z.string(), subject: z.string() }),
});

export const leadersOut = z.object({
  unit: unitOut,
  asOf: z.string(),
  leaders: z.array(
    z.object({
      name: z.string(),
      post: z.string(),
      duties: z.string().nullable(),
      officePhone: z.string().nullable(),
      mobile: z.string().nullable(),
      hours: z.string().nullable(),
    }),
  ),
});
