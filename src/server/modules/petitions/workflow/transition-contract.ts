import { z } from 'zod';
import { text } from '../../../platform/http/text.js';
import { isoDate } from './register-contract.js';

const longText = (label: string, max = 20000) =>
  text().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);

/**
 * What an action may carry: each action reads only its own fields (ACTION_FIELDS) and refuses the
 * others; keys no action knows are refused too. `version` guards against stale screens.
 */
export const transitionExtra = z.strictObject({
  version: z.number().int().positive().optional(),
  /** The day the step happened: only for imported records (history); otherwise today. */
  on: isoDate.optional(),
  note: text().trim().max(2000, '说明不超过 2000 字').nullable().optional(),
  declineReason: longText('不予受理理由', 2000).optional(),
  notice: longText('告知内容', 5000).optional(),
  disposal: z.enum(['talk_inquiry', 'preliminary_check'], { message: '处置方式不正确' }).optional(),
  investigatorUserId: z.number().int().positive().nullable().optional(),
  assignedUnitOrgId: z.number().int().positive().nullable().optional(),
  report: longText('调查报告').optional(),
  opinion: longText('处理意见').optional(),
  reply: longText('答复内容').optional(),
});
export type TransitionExtra = z.infer<typeof transitionExtra>;

export const actionBody = transitionExtra.extend({ version: z.number().int().positive('请提供版本号') });
