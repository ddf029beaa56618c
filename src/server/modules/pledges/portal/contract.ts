import { z } from 'zod';
import { text } from '../../../platform/http/text.js';
import { challengeAnswer } from '../../petitions/portal/contract.js';

export const villageParam = z.object({ id: z.coerce.number().int().positive('村编号不正确') });

export const pledgeBoardOut = z.object({
  village: z.object({ id: z.number(), name: z.string() }),
  asOf: z.string(),
  due: z.number(),
  fulfilled: z.number(),
  rate: z.number().nullable(),
  pledges: z.array(
    z.object({
      id: z.number(),
      cadre: z.string(),
      post: z.string(),
      title: z.string(),
      pledgedOn: z.string(),
      report: z.string().nullable(),
      reportedOn: z.string().nullable(),
      progress: z.number(),
      due: z.number(),
      fulfilled: z.number(),
      rate: z.number().nullable(),
      items: z.array(
        z.object({
          id: z.number(),
          parentId: z.number().nullable(),
          title: z.string(),
          target: z.string(),
          dueOn: z.string(),
          progress: z.number(),
          lastReportedOn: z.string().nullable(),
        }),
      ),
    }),
  ),
});

export const pledgeParam = z.object({ id: z.coerce.number().int().positive('承诺编号不正确') });
export const followIn = z.strictObject({
  phone: text()
    .trim()
    .regex(/^(1[3-9]\d{9})?$/, '请填写正确的 11 位手机号码，或留空只取关注码')
    .nullable()
    .optional(),
  challenge: challengeAnswer,
  website: text().max(500).optional(),
});
export type FollowInput = z.infer<typeof followIn>;
export const followCodeIn = z.strictObject({
  code: text({ message: '请输入关注码' }).trim().min(1, '请输入关注码').max(64, '关注码格式不正确'),
});
export const followOut = z.object({ followCode: z.string(), sms: z.boolean() });
export const followedOut = z.object({
  village: z.object({ id: z.number(), name: z.string() }),
  asOf: z.string(),
  sms: z.boolean(),
  pledge: pledgeBoardOut.shape.pledges.element,
});
