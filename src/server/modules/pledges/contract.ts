import { z } from 'zod';
import { isoDay, text } from '../../platform/http/text.js';

const day = (label: string) => isoDay(`请填写${label}`);
const count = (label: string) =>
  z
    .number({ message: `请填写${label}票数` })
    .int(`${label}票数须为整数`)
    .min(0, `${label}票数不能为负`)
    .max(100_000);

export const idParam = z.object({ id: z.coerce.number().int().positive('编号不正确') });

/** An item as entered: target and due date are checked by the domain rule, so its message names the item. */
const itemIn = z.strictObject({
  key: text().trim().min(1, '事项编号不能为空').max(20),
  parentKey: text().trim().max(20).nullable().optional(),
  title: text().trim().max(200, '承诺事项不超过 200 字'),
  target: text().trim().max(500, '目标不超过 500 字').nullable().optional(),
  dueOn: isoDay('请填写完成期限').nullable().optional(),
  weight: z.number({ message: '权重须为数字' }).positive('权重须大于 0').max(1000).nullable().optional(),
});
export type PledgeItemIn = z.infer<typeof itemIn>;

export const createPledgeIn = z.strictObject({
  tenureId: z.number({ message: '请选择任职' }).int().positive('请选择任职'),
  title: text().trim().min(1, '请填写承诺标题').max(100, '承诺标题不超过 100 字'),
  pledgedOn: day('承诺日期'),
  items: z.array(itemIn).max(200, '承诺事项最多 200 项'),
});
export type CreatePledgeInput = z.infer<typeof createPledgeIn>;

export const progressIn = z.strictObject({
  itemId: z.number({ message: '请选择承诺事项' }).int().positive('请选择承诺事项'),
  reportedOn: day('进度日期'),
  percent: z
    .number({ message: '请填写完成进度' })
    .int('完成进度须为整数')
    .min(0, '完成进度应在 0–100 之间')
    .max(100, '完成进度应在 0–100 之间'),
  evidence: text().trim().min(1, '请填写佐证材料').max(2000, '佐证材料不超过 2000 字'),
});
export type ProgressInput = z.infer<typeof progressIn>;

export const reportIn = z.strictObject({
  report: text().trim().min(1, '请填写述诺报告').max(20_000, '述诺报告不超过 20000 字'),
  reportedOn: day('述诺日期'),
  version: z.number().int().positive(),
});
export type ReportInput = z.infer<typeof reportIn>;

export const appraisalIn = z.strictObject({
  satisfied: count('满意'),
  basic: count('基本满意'),
  unsatisfied: count('不满意'),
  appraisedOn: day('评诺日期'),
  version: z.number().int().positive(),
});
export type AppraisalInput = z.infer<typeof appraisalIn>;

export const listQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  /** 兑现率 counts items due on or before this day, as they stood on it (default: today). */
  asOf: isoDay('请填写截至日期').optional(),
});
export type ListQuery = z.infer<typeof listQuery>;
