import { z } from 'zod';
import { listQuery } from '../../../platform/http/pagination.js';
import { text } from '../../../platform/http/text.js';

export const positionFields = z.object({
  orgId: z.number({ message: '请选择所属单位' }).int().positive('请选择所属单位'),
  title: text().trim().min(1, '请输入职务名称').max(60, '职务名称不超过 60 字'),
  level: text({ message: '请选择职务层次' }).trim().min(1, '请选择职务层次').max(40),
  isPrincipal: z.boolean().default(false),
  managesFunds: z.boolean().default(false),
  sort: z.number().int().min(0).max(9999).default(0),
});

export const positionUpdate = positionFields.extend({ version: z.number().int().positive() });

export const positionListQuery = listQuery.extend({
  orgId: z.coerce.number().int().positive('所属单位不正确').optional(),
});

export const positionOut = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  title: z.string(),
  level: z.string(),
  isPrincipal: z.boolean(),
  managesFunds: z.boolean(),
  sort: z.number(),
  version: z.number(),
  /** Who holds the post now (names of cadres the caller is not recused from). */
  holders: z.array(z.object({ cadreId: z.number(), name: z.string() })),
});
export type PositionOut = z.infer<typeof positionOut>;
