import { z } from 'zod';
import { text } from '../../../platform/http/text.js';

const optional = (label: string, max: number) =>
  text().trim().max(max, `${label}不超过 ${max} 字`).nullable().optional();

export const leadersQuery = z.strictObject({ orgId: z.coerce.number().int().positive('请选择单位') });
export const unitParam = z.object({ orgId: z.coerce.number().int().positive('单位编号不正确') });
export const tenureParam = z.object({ tenureId: z.coerce.number().int().positive('任职编号不正确') });

export const leaderContactIn = z.strictObject({
  duties: optional('分工', 300),
  officePhone: text()
    .trim()
    .max(30, '办公电话不超过 30 字')
    .regex(/^[0-9+\-() 转]*$/, '办公电话只能包含数字、空格、+、-、括号和“转”')
    .nullable()
    .optional(),
  hours: optional('办公时间', 100),
  mobileConsent: z.boolean({ message: '请选择是否同意公开手机号码' }),
  /** The contact row's version; 0 when the tenure has none yet. */
  version: z.number().int().min(0),
});
export type LeaderContactInput = z.infer<typeof leaderContactIn>;

export const leaderRowOut = z.object({
  tenureId: z.number(),
  name: z.string(),
  post: z.string(),
  /** Masked: the mobile as the registry holds it is personal data. */
  mobileMasked: z.string().nullable(),
  duties: z.string().nullable(),
  officePhone: z.string().nullable(),
  hours: z.string().nullable(),
  mobileConsent: z.boolean(),
  version: z.number(),
});
export const leaderListOut = z.object({
  orgId: z.number(),
  orgName: z.string(),
  items: z.array(leaderRowOut),
});
