import { z } from 'zod';
import { isoDay, text } from '../../../platform/http/text.js';

const isoDate = isoDay;
const note = text().trim().max(500, '说明不超过 500 字').nullable().optional();

export const tenureOut = z.object({
  id: z.number(),
  cadreId: z.number(),
  positionId: z.number().nullable(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  title: z.string(),
  level: z.string().nullable(),
  isPrincipal: z.boolean(),
  managesFunds: z.boolean(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  endReason: z.string().nullable(),
  probationEnd: z.string().nullable(),
  note: z.string().nullable(),
  /** manual | excel | resume (read from an imported 简历) */
  source: z.string(),
  version: z.number(),
});
export type TenureOut = z.infer<typeof tenureOut>;

/** Take up a post: a position on record, or one written out (org, title, level, principal or not). */
export const tenureStart = z
  .object({
    positionId: z.number().int().positive().nullable().optional(),
    orgId: z.number().int().positive().nullable().optional(),
    title: text().trim().max(60, '职务名称不超过 60 字').nullable().optional(),
    level: text().trim().max(40).nullable().optional(),
    isPrincipal: z.boolean().default(false),
    managesFunds: z.boolean().default(false),
    startDate: isoDate('请选择任职日期'),
    probation: z.boolean().default(false),
    note,
  })
  .superRefine((v, c) => {
    if (v.positionId) return;
    if (!v.orgId) c.addIssue({ code: 'custom', path: ['orgId'], message: '请选择职务或填写任职单位' });
    if (!v.title) c.addIssue({ code: 'custom', path: ['title'], message: '请选择职务或填写职务名称' });
    if (!v.level) c.addIssue({ code: 'custom', path: ['level'], message: '请选择职务层次' });
  });
export type TenureStart = z.infer<typeof tenureStart>;

export const tenureEnd = z.object({
  endDate: isoDate('请选择离任日期'),
  endReason: text({ message: '请选择离任原因' }).trim().min(1, '请选择离任原因').max(40),
});

export const tenureUpdate = z.object({
  startDate: isoDate('请选择任职日期'),
  endDate: isoDate('请选择离任日期').nullable().optional(),
  probationEnd: isoDate('请选择试用期满日期').nullable().optional(),
  note,
  version: z.number().int().positive(),
});

export const concurrentPostIn = z.object({
  orgId: z.number({ message: '请选择兼职单位' }).int().positive('请选择兼职单位'),
  title: text({ message: '请输入兼任职务' }).trim().min(1, '请输入兼任职务').max(60, '兼任职务不超过 60 字'),
  startDate: isoDate('请选择开始日期'),
  endDate: isoDate('请选择结束日期').nullable().optional(),
});

export const concurrentPostOut = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});
