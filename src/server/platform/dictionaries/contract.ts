import { z } from 'zod';
import { text } from '../http/text.js';

const code = text()
  .trim()
  .min(1, '请输入编码')
  .max(40, '编码不超过 40 个字符')
  .regex(/^[a-z0-9_]+$/, '编码只能包含小写字母、数字和下划线');
const label = text().trim().min(1, '请输入名称').max(40, '名称不超过 40 字');
const sort = z
  .number({ message: '排序须为数字' })
  .int('排序须为整数')
  .min(0, '排序不能为负数')
  .max(9999, '排序不超过 9999');
const version = z.number().int().positive();

export const typeParam = z.object({
  type: text()
    .max(40)
    .regex(/^[a-z0-9_]+$/, '字典类型不正确'),
});
export const itemParam = typeParam.extend({ id: z.coerce.number().int().positive('编号不正确') });
export const optionsQuery = z.object({ includeDisabled: z.enum(['true', '1']).optional() });

export const dictTypeOut = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  builtin: z.boolean(),
  itemCount: z.number(),
  enabledCount: z.number(),
});

export const dictItemOut = z.object({
  id: z.number(),
  typeCode: z.string(),
  code: z.string(),
  label: z.string(),
  sort: z.number(),
  enabled: z.boolean(),
  version: z.number(),
  /** Shipped with the system: can be relabelled or disabled, not deleted. */
  builtin: z.boolean(),
});
export type DictItemOut = z.infer<typeof dictItemOut>;

export const dictOptionOut = z.object({ code: z.string(), label: z.string(), enabled: z.boolean() });

export const itemCreate = z.object({ code, label, sort: sort.default(0) });
export const itemUpdate = z.object({
  label,
  sort: sort.optional(),
  enabled: z.boolean().optional(),
  version,
});
export const itemEnabled = z.object({ enabled: z.boolean({ message: '请选择启用或停用' }), version });
