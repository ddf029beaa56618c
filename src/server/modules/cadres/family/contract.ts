import { z } from 'zod';
import { text } from '../../../platform/http/text.js';

const optionalText = (max: number, label: string) =>
  text().trim().max(max, `${label}不超过 ${max} 字`).nullable().optional();

export const familyMemberIn = z.object({
  relation: text({ message: '请输入称谓' }).trim().min(1, '请输入称谓').max(10, '称谓不超过 10 字'),
  name: text({ message: '请输入姓名' }).trim().min(1, '请输入姓名').max(20, '姓名不超过 20 字'),
  birthDate: text()
    .trim()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '日期格式应为 YYYY-MM 或 YYYY-MM-DD')
    .nullable()
    .optional(),
  politicalStatus: optionalText(20, '政治面貌'),
  workUnit: optionalText(100, '工作单位及职务'),
  userId: z.number().int().positive().nullable().optional(),
});

export const familyBody = z.object({
  members: z.array(familyMemberIn).max(30, '家庭成员不超过 30 人'),
});

export const familyMemberOut = z.object({
  id: z.number(),
  relation: z.string(),
  name: z.string(),
  birthDate: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  workUnit: z.string().nullable(),
  userId: z.number().nullable(),
  /** The linked account, as "姓名（用户名）". */
  userLabel: z.string().nullable(),
});
export type FamilyMemberOut = z.infer<typeof familyMemberOut>;
